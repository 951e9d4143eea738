using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Environments;

/// <summary>
/// The T-maze of pymdp's <c>TMazeEnv</c>: an agent starts at the center of a T; one arm holds a reward, the
/// other a loss, and a cue at the bottom arm tells which is which.
/// </summary>
/// <remarks>
/// <para>Hidden-state factors: 0 = location (<see cref="TMazeLocation"/>: center, left arm, right arm, cue
/// location; controlled, 4 control states = "go to location u" from anywhere, in one step), 1 = reward
/// context (<see cref="TMazeContext"/>: reward on the left or on the right; drawn uniformly at
/// <see cref="Reset()"/>, then fixed; uncontrolled).</para>
/// <para>Modalities: 0 = location (always observed exactly), 1 = reward (<see cref="TMazeReward"/>: at an
/// arm, the rewarded arm gives a reward with the reward probability and a loss otherwise, the other arm
/// the reverse; elsewhere no reward), 2 = cue (<see cref="TMazeCue"/>: at the cue location it points to the
/// rewarded arm with the cue validity; elsewhere it is a fair coin and carries no information).</para>
/// <para>The process samples every observation from the same likelihood that <see cref="CreateModel"/>
/// gives the agent (for equal parameters), as pymdp's tutorial does. Defaults equal pymdp's
/// (reward probability 0.98, cue validity 1), and <c>CreateModel()</c> equals
/// <c>tests/data/bench-models/tmaze.json</c>.</para>
/// </remarks>
public sealed class TMaze : IGenerativeProcess
{
    /// <summary>Index of the location factor.</summary>
    public const int LocationFactor = 0;

    /// <summary>Index of the reward-context factor.</summary>
    public const int ContextFactor = 1;

    /// <summary>Index of the location modality.</summary>
    public const int LocationModality = 0;

    /// <summary>Index of the reward modality.</summary>
    public const int RewardModality = 1;

    /// <summary>Index of the cue modality.</summary>
    public const int CueModality = 2;

    /// <summary>Default probability that the rewarded arm gives a reward (pymdp's 0.98).</summary>
    public const double DefaultRewardProbability = 0.98;

    /// <summary>Default probability that the cue points to the rewarded arm (pymdp's TMazeEnv: 1).</summary>
    public const double DefaultCueValidity = 1.0;

    private const int Locations = 4;
    private const int Contexts = 2;

    private static readonly int[] ObservationCounts = [Locations, 3, 2];
    private static readonly int[] StateCounts = [Locations, Contexts];
    private static readonly int[] ControlCounts = [Locations, 1];
    private static readonly string[] LocationLabels = ["center", "left arm", "right arm", "cue"];
    private static readonly string[] MoveLabels = ["center", "left", "right", "cue"];
    private static readonly string[] RewardLabels = ["none", "reward", "loss"];
    private static readonly string[] ModalityNames = ["location", "reward", "cue"];

    private readonly Tensor[] _likelihood;
    private readonly Random _random;
    private readonly int[] _state = new int[2];
    private bool _started;

    /// <summary>Creates a T-maze.</summary>
    /// <param name="seed">Seed of every random draw (context at reset, reward and cue outcomes); the same seed and actions give the same run.</param>
    /// <param name="rewardProbability">Probability that the rewarded arm gives a reward (the other arm gives it a loss with the same probability). Default 0.98.</param>
    /// <param name="cueValidity">Probability that the cue points to the rewarded arm. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1].</exception>
    public TMaze(int seed = 0, double rewardProbability = DefaultRewardProbability, double cueValidity = DefaultCueValidity)
    {
        _likelihood = BuildLikelihood(rewardProbability, cueValidity);
        RewardProbability = rewardProbability;
        CueValidity = cueValidity;
        _random = new Random(seed);
    }

    /// <summary>Probability that the rewarded arm gives a reward.</summary>
    public double RewardProbability { get; }

    /// <summary>Probability that the cue points to the rewarded arm.</summary>
    public double CueValidity { get; }

    /// <inheritdoc/>
    public string Name => "tmaze";

    /// <inheritdoc/>
    public int NumModalities => ObservationCounts.Length;

    /// <inheritdoc/>
    public int NumFactors => StateCounts.Length;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumObservations => ObservationCounts;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumStates => StateCounts;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumControls => ControlCounts;

    /// <inheritdoc/>
    public ReadOnlySpan<int> State => _state;

    /// <summary>The true location now.</summary>
    public TMazeLocation Location => (TMazeLocation)_state[LocationFactor];

    /// <summary>The reward context of the current trial.</summary>
    public TMazeContext Context => (TMazeContext)_state[ContextFactor];

    /// <summary>Starts a trial at the center with a reward context drawn uniformly, and returns the first observation.</summary>
    /// <returns>[location, reward, cue] outcome indices.</returns>
    public int[] Reset() => Reset((TMazeContext)_random.Next(Contexts));

    /// <summary>Starts a trial at the center with a given reward context, and returns the first observation.</summary>
    /// <param name="context">Which arm is rewarded in this trial.</param>
    /// <returns>[location, reward, cue] outcome indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="context"/> is not a defined value.</exception>
    public int[] Reset(TMazeContext context)
    {
        ProcessChecks.CheckIndex((int)context, Contexts, nameof(context));
        _state[LocationFactor] = (int)TMazeLocation.Center;
        _state[ContextFactor] = (int)context;
        _started = true;
        return Observe();
    }

    /// <summary>Moves to the location <c>action[0]</c> (from anywhere, in one step) and returns what is observed there.</summary>
    /// <param name="action">[target location, 0]: factor 1 has a single control state.</param>
    /// <returns>[location, reward, cue] outcome indices.</returns>
    /// <exception cref="ArgumentException">Wrong length, or a control state out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Reset()"/> has not been called yet.</exception>
    public int[] Step(ReadOnlySpan<int> action)
    {
        ProcessChecks.CheckIndices(action, ControlCounts, nameof(action), "action", "factor");
        if (!_started)
        {
            throw new InvalidOperationException("The T-maze has no trial yet: call Reset() before Step().");
        }

        // B[0][s', s, u] = 1 iff s' = u: the location becomes the chosen one; the context never changes.
        _state[LocationFactor] = action[LocationFactor];
        return Observe();
    }

    /// <inheritdoc/>
    public string DescribeObservation(ReadOnlySpan<int> observation)
    {
        ProcessChecks.CheckIndices(observation, ObservationCounts, nameof(observation), "observation", "modality");
        var location = (TMazeLocation)observation[LocationModality];
        string where = Where(location);
        string reward = (TMazeReward)observation[RewardModality] switch
        {
            TMazeReward.Reward => "reward!",
            TMazeReward.Loss => "loss",
            _ => "no reward",
        };
        string side = (TMazeCue)observation[CueModality] == TMazeCue.Left ? "left" : "right";
        string cue = location == TMazeLocation.CueLocation
            ? $"cue points {side}"
            : $"cue '{side}' (noise here)";
        return $"{where}; {reward}; {cue}";
    }

    /// <inheritdoc/>
    public string DescribeState(ReadOnlySpan<int> state)
    {
        ProcessChecks.CheckIndices(state, StateCounts, nameof(state), "state", "factor");
        return $"{Where((TMazeLocation)state[LocationFactor])}; reward on the {StateLabel(ContextFactor, state[ContextFactor])}";
    }

    /// <inheritdoc/>
    public string DescribeAction(ReadOnlySpan<int> action)
    {
        ProcessChecks.CheckIndices(action, ControlCounts, nameof(action), "action", "factor");
        return (TMazeLocation)action[LocationFactor] switch
        {
            TMazeLocation.Center => "go to the center",
            TMazeLocation.CueLocation => "go to the cue location",
            var arm => "go to the " + LocationLabels[(int)arm],
        };
    }

    /// <inheritdoc/>
    public string ModalityName(int modality)
    {
        ProcessChecks.CheckIndex(modality, ObservationCounts.Length, nameof(modality));
        return ModalityNames[modality];
    }

    /// <inheritdoc/>
    public string ObservationLabel(int modality, int outcome)
    {
        ProcessChecks.CheckIndex(modality, ObservationCounts.Length, nameof(modality));
        ProcessChecks.CheckIndex(outcome, ObservationCounts[modality], nameof(outcome));
        return modality switch
        {
            LocationModality => LocationLabels[outcome],
            RewardModality => RewardLabels[outcome],
            _ => outcome == (int)TMazeCue.Left ? "left" : "right",
        };
    }

    /// <inheritdoc/>
    public string FactorName(int factor)
    {
        ProcessChecks.CheckIndex(factor, StateCounts.Length, nameof(factor));
        return factor == LocationFactor ? "location" : "reward side";
    }

    /// <inheritdoc/>
    public string StateLabel(int factor, int state)
    {
        ProcessChecks.CheckIndex(factor, StateCounts.Length, nameof(factor));
        ProcessChecks.CheckIndex(state, StateCounts[factor], nameof(state));
        return factor == LocationFactor ? LocationLabels[state] : state == (int)TMazeContext.RewardOnLeft ? "left" : "right";
    }

    /// <inheritdoc/>
    public string ControlLabel(int factor, int control)
    {
        ProcessChecks.CheckIndex(factor, ControlCounts.Length, nameof(factor));
        ProcessChecks.CheckIndex(control, ControlCounts[factor], nameof(control));
        return factor == LocationFactor ? MoveLabels[control] : "-";
    }

    /// <summary>
    /// The agent's generative model of the T-maze, as in pymdp's T-maze tutorial: A = the process's
    /// likelihood, B = "go to u" for the location and identity for the context, C prefers rewards and
    /// avoids losses, D = center and a uniform context, policies = every sequence of
    /// <paramref name="policyLength"/> moves.
    /// </summary>
    /// <param name="rewardProbability">Probability that the rewarded arm gives a reward. Default 0.98.</param>
    /// <param name="cueValidity">Probability that the cue points to the rewarded arm. Default 1.</param>
    /// <param name="rewardPreference">Log-preference C for a reward. Default 3.</param>
    /// <param name="lossPreference">Log-preference C for a loss. Default -3.</param>
    /// <param name="policyLength">T, steps per policy (4^T policies). Default 1.</param>
    /// <returns>A model that equals <c>tests/data/bench-models/tmaze.json</c> for the defaults (and <c>tmaze_plen2.json</c> with policy length 2).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1], a preference is not finite, or the policy length is below 1.</exception>
    public static GenerativeModel CreateModel(
        double rewardProbability = DefaultRewardProbability,
        double cueValidity = DefaultCueValidity,
        double rewardPreference = 3.0,
        double lossPreference = -3.0,
        int policyLength = 1)
    {
        if (!double.IsFinite(rewardPreference))
        {
            throw new ArgumentOutOfRangeException(nameof(rewardPreference), rewardPreference, "The reward preference must be a finite number.");
        }

        if (!double.IsFinite(lossPreference))
        {
            throw new ArgumentOutOfRangeException(nameof(lossPreference), lossPreference, "The loss preference must be a finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policyLength);
        Tensor[] likelihood = BuildLikelihood(rewardProbability, cueValidity);

        // B[0][s', s, u] = 1 iff s' = u (pymdp: eye tiled over u, transposed to [s', s, u]).
        var moves = new double[Locations * Locations * Locations];
        for (int s = 0; s < Locations; s++)
        {
            for (int u = 0; u < Locations; u++)
            {
                moves[(((u * Locations) + s) * Locations) + u] = 1.0;
            }
        }

        Tensor[] transitions =
        [
            new Tensor([Locations, Locations, Locations], moves),
            new Tensor([Contexts, Contexts, 1], [1.0, 0.0, 0.0, 1.0]),
        ];
        Tensor[] preferences =
        [
            Tensor.Zeros(Locations),
            Tensor.Vector([0.0, rewardPreference, lossPreference]),
            Tensor.Zeros(Contexts),
        ];
        Tensor[] initial =
        [
            Tensor.Vector([1.0, 0.0, 0.0, 0.0]),
            Tensor.Vector([0.5, 0.5]),
        ];
        return new GenerativeModel(
            likelihood,
            transitions,
            preferences,
            initial,
            policies: PolicySet.AllCombinations(ControlCounts, policyLength),
            name: policyLength == 1 ? "tmaze" : $"tmaze_plen{policyLength}");
    }

    private static string Where(TMazeLocation location) => location switch
    {
        TMazeLocation.Center => "at the center",
        TMazeLocation.CueLocation => "at the cue location",
        _ => "in the " + LocationLabels[(int)location],
    };

    private int[] Observe()
    {
        var observation = new int[ObservationCounts.Length];
        int column = (_state[LocationFactor] * Contexts) + _state[ContextFactor];
        for (int m = 0; m < observation.Length; m++)
        {
            // Sample o ~ A[m][:, location, context] (column stride Locations * Contexts).
            ReadOnlySpan<double> a = _likelihood[m].Span;
            double u = _random.NextDouble();
            int outcomes = ObservationCounts[m];
            int o = 0;
            double cumulative = a[column];
            while (u >= cumulative && o < outcomes - 1)
            {
                o++;
                cumulative += a[(o * Locations * Contexts) + column];
            }

            // Never return an outcome of probability 0 through rounding at the tail.
            while (a[(o * Locations * Contexts) + column] == 0.0 && o > 0)
            {
                o--;
            }

            observation[m] = o;
        }

        return observation;
    }

    // 1 - p in decimal, so that 0.98 gives 0.02 as written in the model files (the double 1 - 0.98 is
    // 0.020000000000000018); the column still sums to 1 within the model's tolerance.
    private static double Complement(double p) => (double)(1m - (decimal)p);

    private static Tensor[] BuildLikelihood(double rewardProbability, double cueValidity)
    {
        ProcessChecks.CheckProbability(rewardProbability, nameof(rewardProbability));
        ProcessChecks.CheckProbability(cueValidity, nameof(cueValidity));
        const int Columns = Locations * Contexts;
        var location = new double[Locations * Columns];
        var reward = new double[3 * Columns];
        var cue = new double[2 * Columns];
        for (int loc = 0; loc < Locations; loc++)
        {
            for (int ctx = 0; ctx < Contexts; ctx++)
            {
                int column = (loc * Contexts) + ctx;
                location[(loc * Columns) + column] = 1.0;
                switch ((TMazeLocation)loc)
                {
                    case TMazeLocation.Center:
                        reward[((int)TMazeReward.None * Columns) + column] = 1.0;
                        cue[column] = 0.5;
                        cue[Columns + column] = 0.5;
                        break;
                    case TMazeLocation.CueLocation:
                        reward[((int)TMazeReward.None * Columns) + column] = 1.0;
                        cue[(ctx * Columns) + column] = cueValidity;
                        cue[((1 - ctx) * Columns) + column] = Complement(cueValidity);
                        break;
                    default:
                        // The arm loc is rewarded in context loc - 1 (pymdp: loc == reward_condition + 1).
                        bool rewarded = loc == ctx + 1;
                        int high = (int)(rewarded ? TMazeReward.Reward : TMazeReward.Loss);
                        int low = (int)(rewarded ? TMazeReward.Loss : TMazeReward.Reward);
                        reward[(high * Columns) + column] = rewardProbability;
                        reward[(low * Columns) + column] = Complement(rewardProbability);
                        cue[column] = 0.5;
                        cue[Columns + column] = 0.5;
                        break;
                }
            }
        }

        return
        [
            new Tensor([Locations, Locations, Contexts], location),
            new Tensor([3, Locations, Contexts], reward),
            new Tensor([2, Locations, Contexts], cue),
        ];
    }
}

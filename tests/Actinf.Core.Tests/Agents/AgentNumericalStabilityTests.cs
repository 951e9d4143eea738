using System.Globalization;
using Actinf.Core.Agents;
using Actinf.Core.Models;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Agents;

/// <summary>
/// The property test of numerical stability: thousands of random valid models (dense, sparse,
/// near-deterministic and one-hot columns, tiny and subnormal entries, C up to ±1e300, D and E with zeros,
/// optional pA/pB/pD with concentrations from 1e-300 to 1e6) and
/// random options, driven for a few steps with every operation the algorithm allows, must never produce
/// NaN or ±∞ anywhere (beliefs, q(pi), G and its parts, F, action distributions, learned parameters; the
/// agent's own non-finite counter stays 0), and every distribution must be non-negative and sum to 1.
/// </summary>
/// <remarks>Seeded: case i is <c>RandomModels.Create(i)</c>, and the assertion message names the first failing
/// case's seed and description, so a failure reproduces with one call.</remarks>
public class AgentNumericalStabilityTests
{
    private const int Cases = 3000;
    private const int StepsPerCase = 5;
    private const double SumTolerance = 1e-9;

    [Fact]
    public void Step_RandomModelsAllOperations_NoNaNOrInfinityAndDistributionsNormalised()
    {
        var report = new Report();
        for (int seed = 0; seed < Cases; seed++)
        {
            RandomCase c = RandomModels.Create(seed);
            try
            {
                Run(c, report);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or ArithmeticException)
            {
                report.Thrown(ex, c.Description);
            }
        }

        Assert.True(report.Count == 0, $"{report.Count} violation(s) in {Cases} random models; first: {report.First}");
        Assert.True(report.Checked > Cases * StepsPerCase * 5, $"Only {report.Checked} quantities were checked.");
    }

    [Fact]
    public void RandomModels_SameSeed_SameModelAndDescription()
    {
        RandomCase first = RandomModels.Create(1234);
        RandomCase second = RandomModels.Create(1234);

        Assert.Equal(first.Description, second.Description);
        for (int m = 0; m < first.Model.NumModalities; m++)
        {
            Assert.Equal(first.Model.Likelihood[m], second.Model.Likelihood[m]);
        }
    }

    [Fact]
    public void RandomModels_FirstCases_CoverEveryVariantAndAlgorithm()
    {
        var kinds = new HashSet<ColumnKind>();
        var algorithms = new HashSet<InferenceAlgorithm>();
        int withPA = 0, withPB = 0, withPD = 0, separated = 0, explicitPolicies = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            RandomCase c = RandomModels.Create(seed);
            kinds.Add(c.Kind);
            algorithms.Add(c.Options.Algorithm);
            withPA += c.HasPA ? 1 : 0;
            withPB += c.HasPB ? 1 : 0;
            withPD += c.HasPD ? 1 : 0;
            separated += c.Options.PolicySeparatedPrior ? 1 : 0;
            explicitPolicies += c.Model.Policies.Count < Math.Pow(Product(c.Model.NumControls), c.Model.Policies.Length) ? 1 : 0;
        }

        Assert.Equal(4, kinds.Count);
        Assert.Equal(2, algorithms.Count);
        Assert.All(new[] { withPA, withPB, withPD, separated, explicitPolicies }, n => Assert.InRange(n, 10, 190));
    }

    private static int Product(ReadOnlySpan<int> x)
    {
        int p = 1;
        foreach (int v in x)
        {
            p *= v;
        }

        return p;
    }

    private static void Run(RandomCase c, Report report)
    {
        GenerativeModel model = c.Model;
        var agent = new Agent(model, c.Options);
        var rng = new Random(c.Seed ^ 0x5eed);
        int factors = model.NumFactors;
        int modalities = model.NumModalities;
        int[] state = new int[factors];
        for (int f = 0; f < factors; f++)
        {
            state[f] = Sample(rng, model.InitialStatePrior[f].Span);
        }

        int[] obs = new int[modalities];
        for (int step = 0; step < StepsPerCase; step++)
        {
            Observe(model, state, rng, obs);
            StepOperations ops = StepOperations.InferStates | StepOperations.InferPolicies;
            if (!c.IsMmp && c.HasPA)
            {
                ops |= StepOperations.UpdateLikelihood;
            }

            if (!c.IsMmp && c.HasPB)
            {
                ops |= StepOperations.UpdateTransitions;
            }

            if (c.HasPD)
            {
                ops |= StepOperations.UpdateInitialStatePrior;
            }

            agent.Step(obs, ops);
            string where = $"{c.Description}; step {step}, observation [{string.Join(", ", obs)}]";
            CheckBeliefs(agent, c, report, where);

            // One step in four imposes a random action instead of selecting one.
            if (rng.Next(4) == 0)
            {
                int[] imposed = new int[factors];
                for (int f = 0; f < factors; f++)
                {
                    imposed[f] = rng.Next(model.NumControls[f]);
                }

                agent.ImposeAction(imposed);
            }
            else
            {
                agent.SampleAction();
            }

            CheckSelection(agent, c, report, where);
            for (int f = 0; f < factors; f++)
            {
                state[f] = Next(model, f, state[f], agent.Action[f], rng);
            }
        }

        // A new episode after learning: the first inference uses the (possibly learned) D again.
        agent.Reset();
        Observe(model, state, rng, obs);
        agent.Step(obs);
        CheckBeliefs(agent, c, report, $"{c.Description}; first step after Reset, observation [{string.Join(", ", obs)}]");
        CheckSelection(agent, c, report, $"{c.Description}; first step after Reset");
    }

    private static void CheckBeliefs(Agent agent, RandomCase c, Report report, string where)
    {
        GenerativeModel model = c.Model;
        for (int f = 0; f < model.NumFactors; f++)
        {
            report.Distribution(agent.Posterior(f), $"Posterior({f})", where);
        }

        report.Distribution(agent.PolicyPosterior, "PolicyPosterior", where);
        report.Finite(agent.NegativeExpectedFreeEnergy, "NegativeExpectedFreeEnergy", where);
        report.Finite(agent.ExpectedUtility, "ExpectedUtility", where);
        report.Finite(agent.StateInformationGain, "StateInformationGain", where);
        report.Finite(agent.ParameterInformationGain, "ParameterInformationGain", where);
        report.Finite(agent.PolicyFreeEnergy, "PolicyFreeEnergy", where);
        report.Finite(agent.FreeEnergyTrace, "FreeEnergyTrace", where);
        report.Zero(agent.NonFiniteEvents, "NonFiniteEvents", where);
        if (c.IsMmp)
        {
            for (int p = 0; p < agent.NumPolicies; p++)
            {
                for (int k = 0; k < agent.WindowLength; k++)
                {
                    for (int f = 0; f < model.NumFactors; f++)
                    {
                        report.Distribution(agent.WindowPosterior(p, k, f), $"WindowPosterior({p}, {k}, {f})", where);
                    }
                }
            }
        }

        CheckParameters(agent, c, report, where);
    }

    private static void CheckSelection(Agent agent, RandomCase c, Report report, string where)
    {
        GenerativeModel model = c.Model;
        bool stochastic = c.Options.ActionSelection == ActionSelection.Stochastic;
        bool marginal = c.Options.SamplingMode == SamplingMode.Marginal;
        for (int f = 0; f < model.NumFactors; f++)
        {
            report.Distribution(agent.ActionMarginal(f), $"ActionMarginal({f})", where);
            if (stochastic && marginal)
            {
                report.Distribution(agent.ActionProbabilities(f), $"ActionProbabilities({f})", where);
            }
        }

        if (stochastic && !marginal)
        {
            report.Distribution(agent.PolicyProbabilities, "PolicyProbabilities", where);
        }

        if (c.IsMmp)
        {
            int priors = c.Options.PolicySeparatedPrior ? agent.NumPolicies : 1;
            for (int p = 0; p < priors; p++)
            {
                for (int f = 0; f < model.NumFactors; f++)
                {
                    report.Distribution(agent.LatestBelief(f, p), $"LatestBelief({f}, {p})", where);
                }
            }
        }
    }

    private static void CheckParameters(Agent agent, RandomCase c, Report report, string where)
    {
        GenerativeModel model = c.Model;
        int states = model.NumJointStates;
        for (int m = 0; m < model.NumModalities; m++)
        {
            report.Columns(agent.Likelihood(m), model.NumObservations[m], states, $"Likelihood({m})", where);
            report.NonNegativeFinite(agent.LikelihoodConcentration(m), $"LikelihoodConcentration({m})", where);
        }

        for (int f = 0; f < model.NumFactors; f++)
        {
            int ns = model.NumStates[f];
            int nc = model.NumControls[f];
            if (c.HasPB)
            {
                // B and pB change only through learning: read them (each read copies) only when they can.
                report.Columns(agent.Transitions(f), ns, ns * nc, $"Transitions({f})", where);
                report.NonNegativeFinite(agent.TransitionConcentration(f), $"TransitionConcentration({f})", where);
            }

            report.Distribution(agent.InitialStatePrior(f), $"InitialStatePrior({f})", where);
            report.NonNegativeFinite(agent.InitialStateConcentration(f), $"InitialStateConcentration({f})", where);
        }
    }

    private static void Observe(GenerativeModel model, int[] state, Random rng, int[] obs)
    {
        int joint = 0;
        for (int f = 0; f < state.Length; f++)
        {
            joint = (joint * model.NumStates[f]) + state[f];
        }

        int states = model.NumJointStates;
        for (int m = 0; m < obs.Length; m++)
        {
            int no = model.NumObservations[m];
            if (rng.Next(5) == 0)
            {
                // Any outcome at all, possibly one the model deems impossible (contradictory evidence).
                obs[m] = rng.Next(no);
                continue;
            }

            ReadOnlySpan<double> a = model.Likelihood[m].Span;
            double u = rng.NextDouble();
            double cumulative = 0;
            obs[m] = no - 1;
            for (int o = 0; o < no; o++)
            {
                cumulative += a[(o * states) + joint];
                if (u < cumulative)
                {
                    obs[m] = o;
                    break;
                }
            }
        }
    }

    private static int Next(GenerativeModel model, int f, int s, int u, Random rng)
    {
        int ns = model.NumStates[f];
        int nc = model.NumControls[f];
        ReadOnlySpan<double> b = model.Transitions[f].Span;
        double r = rng.NextDouble();
        double cumulative = 0;
        for (int next = 0; next < ns; next++)
        {
            cumulative += b[(((next * ns) + s) * nc) + u];
            if (r < cumulative)
            {
                return next;
            }
        }

        return ns - 1;
    }

    private static int Sample(Random rng, ReadOnlySpan<double> p)
    {
        double u = rng.NextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return p.Length - 1;
    }

    /// <summary>Counts violations and keeps the first one's description.</summary>
    private sealed class Report
    {
        public int Count { get; private set; }

        public long Checked { get; private set; }

        public string First { get; private set; } = "none";

        public void Finite(ReadOnlySpan<double> x, string name, string where)
        {
            Checked++;
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsFinite(x[i]))
                {
                    Fail($"{name}[{i}] = {x[i].ToString("R", CultureInfo.InvariantCulture)}", where);
                    return;
                }
            }
        }

        public void Thrown(Exception ex, string where) => Fail($"{ex.GetType().Name}: {ex.Message}", where);

        public void Zero(long count, string name, string where)
        {
            Checked++;
            if (count != 0)
            {
                Fail($"{name} = {count}", where);
            }
        }

        public void NonNegativeFinite(ReadOnlySpan<double> x, string name, string where)
        {
            Checked++;
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsFinite(x[i]) || x[i] < 0)
                {
                    Fail($"{name}[{i}] = {x[i].ToString("R", CultureInfo.InvariantCulture)}", where);
                    return;
                }
            }
        }

        public void Distribution(ReadOnlySpan<double> x, string name, string where)
        {
            int before = Count;
            NonNegativeFinite(x, name, where);
            if (Count != before)
            {
                return;
            }

            double sum = 0;
            foreach (double v in x)
            {
                sum += v;
            }

            if (x.IsEmpty || Math.Abs(sum - 1) > SumTolerance)
            {
                Fail($"{name} sums to {sum.ToString("R", CultureInfo.InvariantCulture)} (length {x.Length})", where);
            }
        }

        /// <summary>Every column of a row-major <c>[rows, columns]</c> matrix is a distribution.</summary>
        public void Columns(ReadOnlySpan<double> x, int rows, int columns, string name, string where)
        {
            int before = Count;
            NonNegativeFinite(x, name, where);
            if (Count != before)
            {
                return;
            }

            for (int col = 0; col < columns; col++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++)
                {
                    sum += x[(r * columns) + col];
                }

                if (Math.Abs(sum - 1) > SumTolerance)
                {
                    Fail($"{name} column {col} sums to {sum.ToString("R", CultureInfo.InvariantCulture)}", where);
                    return;
                }
            }
        }

        private void Fail(string what, string where)
        {
            if (Count == 0)
            {
                First = $"{what} in {where}";
            }

            Count++;
        }
    }
}

using System.Globalization;
using System.Text;
using Actinf.Core.Agents;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Support;

/// <summary>How the columns of a random A and B are drawn.</summary>
internal enum ColumnKind
{
    /// <summary>Every entry positive, uniform weights then normalised (one column in ten has one subnormal, 1e-300 or 1e-16 entry).</summary>
    Dense,

    /// <summary>One to ⌈n/3⌉ non-zero entries per column, the rest structural zeros.</summary>
    Sparse,

    /// <summary>One entry 1 - (n-1)·1e-12, the others 1e-12.</summary>
    NearDeterministic,

    /// <summary>Exactly one 1 and zeros.</summary>
    OneHot,
}

/// <summary>One random model with random agent options; <see cref="Description"/> reproduces it in words.</summary>
internal sealed record RandomCase(int Seed, GenerativeModel Model, AgentOptions Options, ColumnKind Kind, string Description)
{
    public bool HasPA => Model.LikelihoodConcentration is not null;

    public bool HasPB => Model.TransitionConcentration is not null;

    public bool HasPD => Model.InitialStateConcentration is not null;

    public bool IsMmp => Options.Algorithm == InferenceAlgorithm.Mmp;

    public override string ToString() => Description;
}

/// <summary>
/// A seeded generator of random valid generative models and agent options for property tests: 1–3 factors
/// of 2–6 states, 1–3 modalities of 2–6 outcomes, 1–3 controls per factor, policy length 1–3, columns of
/// the kinds in <see cref="ColumnKind"/>, C in [-10, 10] with occasional ±1000 or ±1e300, D with zeros, optional
/// E, pA, pB and pD, and FPI or MMP options (with all, none or some compute shortcuts).
/// </summary>
/// <remarks>
/// Policies are all combinations when there are at most <see cref="MaxAllPolicies"/> of them, else an
/// explicit list of 8–24 distinct random policies (keeps the property test fast). Concentrations are
/// zero wherever the array they parameterise is zero (and where a tiny entry times a 1e-300 scale underflows),
/// so learning can be checked to keep structural zeros.
/// The same seed always gives the same case.
/// </remarks>
internal static class RandomModels
{
    /// <summary>Largest policy count for which all combinations are used.</summary>
    public const int MaxAllPolicies = 27;

    /// <summary>Builds case number <paramref name="seed"/>.</summary>
    public static RandomCase Create(int seed)
    {
        var rng = new Random(seed);
        var kind = (ColumnKind)rng.Next(4);
        int factors = rng.Next(1, 4);
        int modalities = rng.Next(1, 4);
        int policyLength = rng.Next(1, 4);
        int[] ns = new int[factors];
        int[] nc = new int[factors];
        int[] no = new int[modalities];
        for (int f = 0; f < factors; f++)
        {
            ns[f] = rng.Next(2, 7);
            nc[f] = rng.Next(1, 4);
        }

        for (int m = 0; m < modalities; m++)
        {
            no[m] = rng.Next(2, 7);
        }

        bool mmp = rng.Next(5) < 2;
        bool paramGain = rng.Next(2) == 0;
        Tensor[] a = [.. no.Select(n => Likelihood(rng, n, ns, kind))];
        Tensor[] b = [.. ns.Select((n, f) => Transitions(rng, n, nc[f], kind))];
        Tensor[]? c = rng.Next(5) == 0 ? null : [.. no.Select(n => Tensor.Vector(Preferences(rng, n)))];
        Tensor[]? pA = rng.Next(5) < 2 ? [.. a.Select(t => Concentration(rng, t))] : null;
        Tensor[]? pB = rng.Next(5) < 2 && !(mmp && paramGain) ? [.. b.Select(t => Concentration(rng, t))] : null;
        Tensor[]? d = null;
        Tensor[]? pD = null;
        switch (rng.Next(4))
        {
            case 0:
                break;
            case 1:
                d = [.. ns.Select(n => Tensor.Vector(DistributionWithZeros(rng, n)))];
                break;
            case 2:
                d = [.. ns.Select(n => Tensor.Vector(DistributionWithZeros(rng, n)))];
                pD = [.. d.Select(t => Concentration(rng, t))];
                break;
            default:
                // D omitted: the model uses normalize(pD).
                pD = [.. ns.Select(n => Concentration(rng, Tensor.Vector(DistributionWithZeros(rng, n))))];
                break;
        }

        PolicySet policies = Policies(rng, nc, policyLength);
        Tensor? e = rng.Next(5) == 0 ? Tensor.Vector(DistributionWithZeros(rng, policies.Count)) : null;

        var model = new GenerativeModel(a, b, c, d, e, policies, pA, pB, pD, name: "random-" + seed.ToString(CultureInfo.InvariantCulture));
        AgentOptions options = Options(rng, seed, factors, modalities, mmp, paramGain);
        return new RandomCase(seed, model, options, kind, Describe(seed, kind, model, options));
    }

    /// <summary>A random distribution of the given kind over <paramref name="n"/> entries (sums to 1 within 1e-15).</summary>
    public static double[] Column(Random rng, int n, ColumnKind kind)
    {
        var x = new double[n];
        switch (kind)
        {
            case ColumnKind.Dense:
                for (int i = 0; i < n; i++)
                {
                    x[i] = 0.01 + rng.NextDouble();
                }

                if (rng.Next(10) == 0)
                {
                    // One tiny entry: a subnormal, 1e-300 or the log epsilon itself.
                    double[] tiny = [ExtremeDoubles.SmallestSubnormal, 1e-300, 1e-16];
                    x[rng.Next(n)] = tiny[rng.Next(tiny.Length)];
                }

                break;
            case ColumnKind.Sparse:
                int nonZero = rng.Next(1, Math.Max(2, (n + 2) / 3 + 1));
                for (int k = 0; k < nonZero; k++)
                {
                    x[rng.Next(n)] = 0.05 + rng.NextDouble();
                }

                break;
            case ColumnKind.NearDeterministic:
                Array.Fill(x, 1e-12);
                x[rng.Next(n)] = 1 - ((n - 1) * 1e-12);
                return x;
            default:
                x[rng.Next(n)] = 1.0;
                return x;
        }

        double sum = x.Sum();
        for (int i = 0; i < n; i++)
        {
            x[i] /= sum;
        }

        return x;
    }

    /// <summary>A positive random distribution (every entry at least 0.01 before normalising).</summary>
    public static double[] Distribution(Random rng, int n) => Column(rng, n, ColumnKind.Dense);

    /// <summary>A random distribution with some exact zeros (at least one entry positive).</summary>
    public static double[] DistributionWithZeros(Random rng, int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.Next(3) == 0 ? 0.0 : rng.NextDouble() + 0.01;
        }

        x[rng.Next(n)] = rng.NextDouble() + 0.01;
        double sum = x.Sum();
        for (int i = 0; i < n; i++)
        {
            x[i] /= sum;
        }

        return x;
    }

    /// <summary>A likelihood A[m] of shape <c>[outcomes, ns...]</c> whose columns are of the given kind.</summary>
    public static Tensor Likelihood(Random rng, int outcomes, int[] ns, ColumnKind kind)
    {
        int states = 1;
        foreach (int n in ns)
        {
            states *= n;
        }

        var data = new double[outcomes * states];
        for (int s = 0; s < states; s++)
        {
            double[] col = Column(rng, outcomes, kind);
            for (int o = 0; o < outcomes; o++)
            {
                data[(o * states) + s] = col[o];
            }
        }

        return new Tensor([outcomes, .. ns], data);
    }

    /// <summary>Transitions B[f] of shape <c>[n, n, controls]</c> whose columns are of the given kind.</summary>
    public static Tensor Transitions(Random rng, int n, int controls, ColumnKind kind)
    {
        var data = new double[n * n * controls];
        for (int u = 0; u < controls; u++)
        {
            for (int s = 0; s < n; s++)
            {
                double[] col = Column(rng, n, kind);
                for (int next = 0; next < n; next++)
                {
                    data[(((next * n) + s) * controls) + u] = col[next];
                }
            }
        }

        return new Tensor([n, n, controls], data);
    }

    /// <summary>Log-preferences in [-10, 10], with a ±1000 entry one time in eight and a ±1e300 entry one time in sixteen.</summary>
    public static double[] Preferences(Random rng, int n)
    {
        var c = new double[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = (20 * rng.NextDouble()) - 10;
        }

        switch (rng.Next(16))
        {
            case 0:
            case 1:
                c[rng.Next(n)] = rng.Next(2) == 0 ? 1000 : -1000;
                break;
            case 2:
                c[rng.Next(n)] = rng.Next(2) == 0 ? 1e300 : -1e300;
                break;
        }

        return c;
    }

    /// <summary>Dirichlet concentrations with the zeros of <paramref name="like"/>: <c>like · scale · U(0.5, 1.5)</c>, scale from 1e-300 to 1e6.</summary>
    public static Tensor Concentration(Random rng, Tensor like)
    {
        double[] scales = [1e-300, 1e-3, 0.5, 1, 1, 10, 100, 1e6];
        double scale = scales[rng.Next(scales.Length)];
        double[] data = like.ToArray();
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = data[i] > 0 ? data[i] * scale * (0.5 + rng.NextDouble()) : 0.0;
        }

        return new Tensor(like.ShapeSpan, data);
    }

    private static PolicySet Policies(Random rng, int[] nc, int length)
    {
        int perStep = 1;
        foreach (int n in nc)
        {
            perStep *= n;
        }

        if (Math.Pow(perStep, length) <= MaxAllPolicies)
        {
            return PolicySet.AllCombinations(nc, length);
        }

        int count = rng.Next(8, 25);
        int factors = nc.Length;
        var seen = new HashSet<string>();
        var actions = new List<int>();
        while (seen.Count < count)
        {
            var policy = new int[length * factors];
            for (int i = 0; i < policy.Length; i++)
            {
                policy[i] = rng.Next(nc[i % factors]);
            }

            if (seen.Add(string.Join(',', policy)))
            {
                actions.AddRange(policy);
            }
        }

        return new PolicySet(count, length, factors, actions.ToArray());
    }

    private static AgentOptions Options(Random rng, int seed, int factors, int modalities, bool mmp, bool paramGain)
    {
        double[] precisions = [16, 16, 1, 64, 1000];
        double[] rates = [1, 1, 0.5, 10, 0, 1e-3, 1e3];
        bool separated = rng.Next(2) == 0;
        int shortcutDraw = rng.Next(8);
        ComputeShortcuts shortcuts = shortcutDraw switch
        {
            0 => ComputeShortcuts.None,
            1 => (ComputeShortcuts)rng.Next((int)ComputeShortcuts.All + 1),
            _ => ComputeShortcuts.All,
        };
        return new AgentOptions
        {
            Algorithm = mmp ? InferenceAlgorithm.Mmp : InferenceAlgorithm.Fpi,
            InferenceHorizon = mmp ? rng.Next(2, 4) : 1,
            NumIterations = rng.Next(1, 13),
            PolicyPrecision = precisions[rng.Next(precisions.Length)],
            ActionPrecision = precisions[rng.Next(precisions.Length)],
            UseUtility = rng.Next(10) != 0,
            UseStateInformationGain = rng.Next(10) != 0,
            UseParameterInformationGain = paramGain,
            ActionSelection = rng.Next(2) == 0 ? ActionSelection.Deterministic : ActionSelection.Stochastic,
            SamplingMode = rng.Next(2) == 0 ? SamplingMode.Marginal : SamplingMode.Full,
            LikelihoodLearningRate = rates[rng.Next(rates.Length)],
            TransitionLearningRate = rates[rng.Next(rates.Length)],
            InitialStateLearningRate = rates[rng.Next(rates.Length)],
            ModalitiesToLearn = rng.Next(4) == 0 ? [rng.Next(modalities)] : null,
            FactorsToLearn = rng.Next(4) == 0 ? [rng.Next(factors)] : null,
            UseBayesianModelAverage = !separated,
            PolicySeparatedPrior = mmp && separated,
            Shortcuts = shortcuts,
            Seed = seed,
        };
    }

    private static string Describe(int seed, ColumnKind kind, GenerativeModel model, AgentOptions o)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"seed {seed}: {kind} columns, states [{string.Join(", ", model.NumStates.ToArray())}]");
        sb.Append(CultureInfo.InvariantCulture, $", controls [{string.Join(", ", model.NumControls.ToArray())}], outcomes [{string.Join(", ", model.NumObservations.ToArray())}]");
        sb.Append(CultureInfo.InvariantCulture, $", {model.Policies.Count} policies of length {model.Policies.Length}");
        sb.Append(model.LikelihoodConcentration is null ? string.Empty : ", pA");
        sb.Append(model.TransitionConcentration is null ? string.Empty : ", pB");
        sb.Append(model.InitialStateConcentration is null ? string.Empty : ", pD");
        sb.Append(model.PolicyPrior is null ? string.Empty : ", E");
        sb.Append(CultureInfo.InvariantCulture, $"; {o.Algorithm}");
        if (o.Algorithm == InferenceAlgorithm.Mmp)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (H {o.InferenceHorizon}, {(o.PolicySeparatedPrior ? "policy_sep_prior" : "BMA")})");
        }

        sb.Append(CultureInfo.InvariantCulture, $", num_iter {o.NumIterations}, gamma {o.PolicyPrecision}, alpha {o.ActionPrecision}");
        sb.Append(CultureInfo.InvariantCulture, $", utility {o.UseUtility}, state info {o.UseStateInformationGain}, param info {o.UseParameterInformationGain}");
        sb.Append(CultureInfo.InvariantCulture, $", {o.ActionSelection} {o.SamplingMode}");
        sb.Append(CultureInfo.InvariantCulture, $", lr {o.LikelihoodLearningRate}/{o.TransitionLearningRate}/{o.InitialStateLearningRate}");
        sb.Append(CultureInfo.InvariantCulture, $", shortcuts {o.Shortcuts}");
        if (o.ModalitiesToLearn is { } mods)
        {
            sb.Append(CultureInfo.InvariantCulture, $", learn modalities [{string.Join(", ", mods)}]");
        }

        if (o.FactorsToLearn is { } facs)
        {
            sb.Append(CultureInfo.InvariantCulture, $", learn factors [{string.Join(", ", facs)}]");
        }

        return sb.ToString();
    }
}

namespace Actinf.Bench.Baselines;

/// <summary>pymdp's timings of one benchmark model (an entry of <see cref="PymdpBaseline.Models"/>).</summary>
public sealed class PymdpModelTimings
{
    /// <summary>The key of the full step in <c>timings_us</c>.</summary>
    public const string StepKey = "step";

    /// <summary>Creates the timings of a model.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="numPolicies">Number of policies, if given.</param>
    /// <param name="policyLength">Policy length, if given.</param>
    /// <param name="inferenceAlgorithm">pymdp's inference algorithm name ("VANILLA", "MMP"), if given.</param>
    /// <param name="iterations">Timed steps, if given.</param>
    /// <param name="timings">Timings per operation (pymdp op names and <see cref="StepKey"/>); must hold <see cref="StepKey"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="timings"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="timings"/> has no <see cref="StepKey"/> entry.</exception>
    public PymdpModelTimings(string name, int? numPolicies, int? policyLength, string? inferenceAlgorithm, int? iterations, IReadOnlyDictionary<string, PymdpTiming> timings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(timings);
        if (!timings.TryGetValue(StepKey, out PymdpTiming step))
        {
            throw new ArgumentException($"The timings of '{name}' have no \"{StepKey}\" entry; they have: {string.Join(", ", timings.Keys)}.", nameof(timings));
        }

        Name = name;
        NumPolicies = numPolicies;
        PolicyLength = policyLength;
        InferenceAlgorithm = inferenceAlgorithm;
        Iterations = iterations;
        Timings = timings;
        Step = step;
    }

    /// <summary>Model name (matches the benchmark model's file name and <c>name</c>).</summary>
    public string Name { get; }

    /// <summary>Number of policies (<c>num_policies</c>), if given.</summary>
    public int? NumPolicies { get; }

    /// <summary>Policy length (<c>policy_len</c>), if given.</summary>
    public int? PolicyLength { get; }

    /// <summary>pymdp's inference algorithm (<c>inference_algo</c>: "VANILLA" is FPI, "MMP"), if given.</summary>
    public string? InferenceAlgorithm { get; }

    /// <summary>Number of steps pymdp timed (<c>iterations</c>), if given.</summary>
    public int? Iterations { get; }

    /// <summary>Timings per operation, keyed by pymdp's op names (<c>infer_states</c>, <c>update_A</c>, ...) and <see cref="StepKey"/>.</summary>
    public IReadOnlyDictionary<string, PymdpTiming> Timings { get; }

    /// <summary>The full step (every op of the workload).</summary>
    public PymdpTiming Step { get; }

    /// <summary>pymdp's <c>infer_states</c> timings, if present.</summary>
    public PymdpTiming? InferStates => Timings.TryGetValue("infer_states", out PymdpTiming t) ? t : null;

    /// <summary>pymdp's <c>infer_policies</c> timings, if present.</summary>
    public PymdpTiming? InferPolicies => Timings.TryGetValue("infer_policies", out PymdpTiming t) ? t : null;
}

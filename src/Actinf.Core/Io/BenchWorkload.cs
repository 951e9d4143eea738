using System.Text.Json;
using Actinf.Core.Agents;
using Actinf.Core.Models;
using static Actinf.Core.Io.ModelJson;

namespace Actinf.Core.Io;

/// <summary>
/// The optional <c>bench</c> object of an actinf-model/1 file: a recorded closed-loop run to replay for
/// timing. Step i runs <see cref="OperationOrder"/> on <see cref="Observations"/>[i]; the first
/// <see cref="Warmup"/> steps are not timed, the next <see cref="Iterations"/> are.
/// </summary>
/// <remarks>
/// The observations are those pymdp saw in its own closed loop, so a conforming agent takes the same
/// actions and therefore meets the same observations. <c>update_B</c> is skipped while no action has
/// been taken (as <see cref="Agent"/> does). Immutable.
/// </remarks>
public sealed class BenchWorkload
{
    // The op names of actinf-fixture/1 §4.1, in the order Agent.Step runs them.
    private static readonly (string Name, StepOperations Value)[] OperationNames =
    [
        ("infer_states", StepOperations.InferStates),
        ("update_A", StepOperations.UpdateLikelihood),
        ("update_B", StepOperations.UpdateTransitions),
        ("update_D", StepOperations.UpdateInitialStatePrior),
        ("infer_policies", StepOperations.InferPolicies),
        ("sample_action", StepOperations.SampleAction),
    ];

    private readonly StepOperations[] _operationOrder;
    private readonly ReadOnlyMemory<int>[] _observations;

    /// <summary>Creates a workload (copies its inputs).</summary>
    /// <param name="operationOrder">The ops of every step in the order of the file; each a single op, at most once.</param>
    /// <param name="observations">One observation per step (one outcome index per modality).</param>
    /// <param name="warmup">Untimed steps at the start (at least 0).</param>
    /// <param name="iterations">Timed steps after the warmup (at least 0); null means all remaining observations.</param>
    /// <param name="seed">Seed for stochastic action selection.</param>
    /// <param name="note">Free text.</param>
    /// <exception cref="ArgumentNullException">A list or an observation is null.</exception>
    /// <exception cref="ModelValidationException">An op is <see cref="StepOperations.None"/>, combined or repeated;
    /// the counts are negative; or there are fewer observations than <c>warmup + iterations</c>.</exception>
    public BenchWorkload(
        IReadOnlyList<StepOperations> operationOrder,
        IReadOnlyList<int[]> observations,
        int warmup = 0,
        int? iterations = null,
        int seed = 0,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(operationOrder);
        ArgumentNullException.ThrowIfNull(observations);
        if (operationOrder.Count == 0)
        {
            throw new ModelValidationException("bench.ops is empty; list at least one op (e.g. infer_states).");
        }

        StepOperations all = StepOperations.None;
        for (int i = 0; i < operationOrder.Count; i++)
        {
            StepOperations op = operationOrder[i];
            if (!TryGetName(op, out string? name))
            {
                throw new ModelValidationException(
                    $"bench.ops[{i}] is {op}; each entry must be exactly one op ({string.Join(", ", OperationNames.Select(n => n.Name))}).");
            }

            if ((all & op) != 0)
            {
                throw new ModelValidationException($"bench.ops[{i}] repeats \"{name}\"; each op runs at most once per step.");
            }

            all |= op;
        }

        if (warmup < 0)
        {
            throw new ModelValidationException($"bench.warmup is {warmup}; it must be at least 0.");
        }

        int steps = iterations ?? Math.Max(0, observations.Count - warmup);
        if (steps < 0)
        {
            throw new ModelValidationException($"bench.iterations is {steps}; it must be at least 0.");
        }

        if ((long)warmup + steps > observations.Count)
        {
            throw new ModelValidationException(
                $"bench runs warmup + iterations = {warmup} + {steps} = {(long)warmup + steps} steps but has only {observations.Count} observations (one per step).");
        }

        _observations = new ReadOnlyMemory<int>[observations.Count];
        for (int i = 0; i < _observations.Length; i++)
        {
            int[] o = observations[i] ?? throw new ArgumentNullException(nameof(observations), $"Observation {i} is null.");
            _observations[i] = o.ToArray();
        }

        _operationOrder = [.. operationOrder];
        Operations = all;
        Warmup = warmup;
        Iterations = steps;
        Seed = seed;
        Note = note ?? string.Empty;
    }

    /// <summary>Seed of the run that recorded the observations (and of stochastic selection when replaying).</summary>
    public int Seed { get; }

    /// <summary>Untimed steps at the start.</summary>
    public int Warmup { get; }

    /// <summary>Timed steps after the warmup.</summary>
    public int Iterations { get; }

    /// <summary>The ops of every step, combined (the order of the flags is the order an <see cref="Agent"/> step runs them).</summary>
    public StepOperations Operations { get; }

    /// <summary>The ops of every step in file order, one flag per entry.</summary>
    public IReadOnlyList<StepOperations> OperationOrder => _operationOrder;

    /// <summary>Observation of step i: one outcome index per modality. Count &gt;= <see cref="Warmup"/> + <see cref="Iterations"/>.</summary>
    public IReadOnlyList<ReadOnlyMemory<int>> Observations => _observations;

    /// <summary>Free text (the file's <c>note</c>).</summary>
    public string Note { get; }

    /// <summary>Looks up an op by its name in the file (<c>infer_states</c>, <c>update_A</c>, <c>update_B</c>,
    /// <c>update_D</c>, <c>infer_policies</c>, <c>sample_action</c>; case-sensitive).</summary>
    /// <param name="name">The op name.</param>
    /// <param name="operation">The single-flag value, or <see cref="StepOperations.None"/> when the name is unknown.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseOperation(string? name, out StepOperations operation)
    {
        foreach ((string n, StepOperations value) in OperationNames)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                operation = value;
                return true;
            }
        }

        operation = StepOperations.None;
        return false;
    }

    /// <summary>The file name of a single op (e.g. <c>update_A</c> for <see cref="StepOperations.UpdateLikelihood"/>).</summary>
    /// <param name="operation">Exactly one op flag.</param>
    /// <returns>The op name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a single op.</exception>
    public static string OperationName(StepOperations operation) =>
        TryGetName(operation, out string? name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(operation), operation, "Expected exactly one op flag.");

    /// <summary>The known op names, comma-separated, for messages.</summary>
    internal static string KnownOperationNames => string.Join(", ", OperationNames.Select(n => n.Name));

    /// <summary>Checks every observation against the model: one index per modality, each in range.</summary>
    /// <exception cref="ModelValidationException">An observation has the wrong length or an index out of range.</exception>
    internal void Validate(GenerativeModel model)
    {
        ReadOnlySpan<int> numObs = model.NumObservations;
        for (int i = 0; i < _observations.Length; i++)
        {
            ReadOnlySpan<int> o = _observations[i].Span;
            if (o.Length != numObs.Length)
            {
                throw new ModelValidationException(
                    $"bench.observations[{i}] has {o.Length} entries; expected {numObs.Length} (one outcome index per modality).");
            }

            for (int m = 0; m < o.Length; m++)
            {
                if ((uint)o[m] >= (uint)numObs[m])
                {
                    throw new ModelValidationException(
                        $"bench.observations[{i}][{m}] is {o[m]}, but modality {m} has {numObs[m]} outcomes (indices 0..{numObs[m] - 1}).");
                }
            }
        }
    }

    /// <summary>Reads the <c>bench</c> object (the model checks come later, in <see cref="Validate"/>).</summary>
    /// <exception cref="ModelValidationException">A key is missing or malformed, or an op name is unknown.</exception>
    internal static BenchWorkload ReadJson(JsonElement bench)
    {
        RequireObject(bench, "bench");
        JsonElement opsEl = Required(bench, "ops", "bench.");
        if (opsEl.ValueKind != JsonValueKind.Array)
        {
            throw new ModelValidationException($"bench.ops is a JSON {Kind(opsEl)}; expected a list of op names ({KnownOperationNames}).");
        }

        var ops = new List<StepOperations>();
        foreach (JsonElement op in opsEl.EnumerateArray())
        {
            string? opName = op.ValueKind == JsonValueKind.String ? op.GetString() : null;
            if (!TryParseOperation(opName, out StepOperations value))
            {
                throw new ModelValidationException(
                    $"bench.ops[{ops.Count}] is {op.GetRawText()}, which is not a known op; known ops: {KnownOperationNames}.");
            }

            ops.Add(value);
        }

        JsonElement obsEl = Required(bench, "observations", "bench.");
        if (obsEl.ValueKind != JsonValueKind.Array)
        {
            throw new ModelValidationException($"bench.observations is a JSON {Kind(obsEl)}; expected a list of observations (one outcome index per modality).");
        }

        var observations = new List<int[]>(obsEl.GetArrayLength());
        foreach (JsonElement o in obsEl.EnumerateArray())
        {
            observations.Add(IntList(o, $"bench.observations[{observations.Count}]", min: 0));
        }

        int warmup = IntOr(bench, "warmup", "bench.warmup", 0, min: 0);
        int? iterations = TryGet(bench, "iterations", out JsonElement it) ? Int(it, "bench.iterations", min: 0) : null;
        int seed = IntOr(bench, "seed", "bench.seed", 0, min: int.MinValue);
        return new BenchWorkload(ops, observations, warmup, iterations, seed, OptionalString(bench, "note", "bench."));
    }

    /// <summary>Writes the <c>bench</c> property (key and object).</summary>
    internal void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("bench");
        w.WriteNumber("seed", Seed);
        w.WriteNumber("warmup", Warmup);
        w.WriteNumber("iterations", Iterations);
        w.WriteStartArray("ops");
        foreach (StepOperations op in _operationOrder)
        {
            w.WriteStringValue(OperationName(op));
        }

        w.WriteEndArray();
        w.WriteStartArray("observations");
        foreach (ReadOnlyMemory<int> o in _observations)
        {
            WriteIntArray(w, o.Span); // indented: one observation per line
        }

        w.WriteEndArray();
        w.WriteString("note", Note);
        w.WriteEndObject();
    }

    private static bool TryGetName(StepOperations operation, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name)
    {
        foreach ((string n, StepOperations value) in OperationNames)
        {
            if (value == operation)
            {
                name = n;
                return true;
            }
        }

        name = null;
        return false;
    }
}

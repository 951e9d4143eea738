using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;

namespace Actinf.Bench.Replay;

/// <summary>
/// Drives one agent through a model's <c>bench</c> workload: step <c>i</c> feeds
/// <c>observations[i % count]</c> and runs the workload's operations.
/// </summary>
/// <remarks>
/// <para>The recorded observations cover <c>warmup + iterations</c> steps; a runner asked for more keeps
/// cycling through them. The agent may then be at a different place than the recording says, which is
/// fine for timing: the work per step stays of the same kind.</para>
/// <para>The agent's options are the file's <c>settings</c> with the workload's <c>seed</c> for stochastic
/// action selection, so a replay is repeatable. After construction nothing here allocates: each step hands
/// one recorded observation to the agent as a span.</para>
/// </remarks>
public sealed class WorkloadRunner
{
    private readonly ReadOnlyMemory<int>[] _observations;
    private int _cursor;
    private long _taken;

    /// <summary>Builds a fresh agent for a model document with a <c>bench</c> object.</summary>
    /// <param name="document">The model document (model, agent options, workload).</param>
    /// <param name="source">Where the document came from (a path), used in error messages.</param>
    /// <param name="configure">Optional change to the agent's options (after seeding), e.g. to switch
    /// <see cref="AgentOptions.Shortcuts"/> off; null keeps them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document has no <c>bench</c> object or no observations.</exception>
    public WorkloadRunner(ModelDocument document, string source, Func<AgentOptions, AgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Workload = BenchModels.RequireWorkload(document, source);
        Name = document.Name;
        Operations = Workload.Operations;
        _observations = [.. Workload.Observations];
        AgentOptions options = Seeded(document.Options, Workload.Seed);
        Agent = new Agent(document.Model, configure is null ? options : configure(options));
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The agent being driven.</summary>
    public Agent Agent { get; }

    /// <summary>The workload being replayed.</summary>
    public BenchWorkload Workload { get; }

    /// <summary>The operations of one full step (the workload's <c>ops</c>).</summary>
    public StepOperations Operations { get; }

    /// <summary>Number of observations consumed so far (full steps plus lone <see cref="InferStates"/> calls).</summary>
    public long StepsTaken => _taken;

    /// <summary>The observation the next step will use: <c>observations[StepsTaken % count]</c>.</summary>
    public ReadOnlySpan<int> NextObservation => _observations[_cursor].Span;

    /// <summary>Runs the workload's warm-up steps (full steps on its first <c>warmup</c> observations).</summary>
    public void RunWarmup()
    {
        for (int i = 0; i < Workload.Warmup; i++)
        {
            Step();
        }
    }

    /// <summary>One full step: every operation of the workload on the next observation.</summary>
    /// <returns>The number of action entries the step returned (F when it samples an action, else 0).</returns>
    public int Step()
    {
        ReadOnlySpan<int> observation = Advance();
        return Agent.Step(observation, Operations).Length;
    }

    /// <summary>State inference alone on the next observation (consumes it).</summary>
    public void InferStates()
    {
        ReadOnlySpan<int> observation = Advance();
        Agent.InferStates(observation);
    }

    /// <summary>Policy inference alone (uses the current posterior; consumes no observation).</summary>
    public void InferPolicies() => Agent.InferPolicies();

    /// <summary>
    /// The document's options with the workload's seed for stochastic selection (the model format does not
    /// carry <see cref="AgentOptions.Seed"/>; the <c>bench</c> object does).
    /// </summary>
    internal static AgentOptions Seeded(AgentOptions options, int seed) =>
        options.Seed == seed ? options : options with { Seed = seed };

    private ReadOnlySpan<int> Advance()
    {
        ReadOnlySpan<int> observation = _observations[_cursor].Span;
        _cursor = _cursor + 1 == _observations.Length ? 0 : _cursor + 1;
        _taken++;
        return observation;
    }
}

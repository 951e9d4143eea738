namespace Actinf.Core.Environments;

/// <summary>
/// A generative process: the world an agent acts in. It holds a true hidden state, emits one outcome per
/// observation modality, and moves its state when given one control state per factor.
/// </summary>
/// <remarks>
/// <para>The process is described in the same terms as an agent's <see cref="Models.GenerativeModel"/>
/// (modalities, factors, outcome, state and control counts), so that a model can be checked against it
/// with <see cref="GenerativeProcessCompatibility"/> before a run.</para>
/// <para>Every stochastic path draws from a random source seeded at construction: two processes built
/// with the same arguments and driven by the same actions emit the same observations. <see cref="Reset"/>
/// continues that random sequence (it does not reseed), so a series of episodes is reproducible too.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
public interface IGenerativeProcess
{
    /// <summary>Short name of the environment (for messages and displays), e.g. <c>tmaze</c>.</summary>
    string Name { get; }

    /// <summary>M, number of observation modalities.</summary>
    int NumModalities { get; }

    /// <summary>F, number of hidden-state factors.</summary>
    int NumFactors { get; }

    /// <summary>Outcomes per modality (length M).</summary>
    ReadOnlySpan<int> NumObservations { get; }

    /// <summary>States per hidden-state factor (length F).</summary>
    ReadOnlySpan<int> NumStates { get; }

    /// <summary>Control states per factor (length F; 1 = the factor cannot be acted on).</summary>
    ReadOnlySpan<int> NumControls { get; }

    /// <summary>The true hidden state now, one state index per factor (length F).</summary>
    ReadOnlySpan<int> State { get; }

    /// <summary>Starts a new episode: draws the initial state and returns the first observation.</summary>
    /// <returns>A new array with one outcome index per modality (length M).</returns>
    int[] Reset();

    /// <summary>Applies an action, moves the hidden state, and returns the observation of the new state.</summary>
    /// <param name="action">One control state per factor (length F), each in <c>[0, NumControls[f])</c>.</param>
    /// <returns>A new array with one outcome index per modality (length M).</returns>
    /// <exception cref="ArgumentException"><paramref name="action"/> has the wrong length or a control state out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Reset"/> has not been called yet.</exception>
    int[] Step(ReadOnlySpan<int> action);

    /// <summary>Describes an observation in words, e.g. <c>at the cue location; no reward; cue says left</c>.</summary>
    /// <param name="observation">One outcome index per modality (length M).</param>
    /// <exception cref="ArgumentException">Wrong length or an outcome out of range.</exception>
    string DescribeObservation(ReadOnlySpan<int> observation);

    /// <summary>Describes a hidden state in words, e.g. <c>at the cue location; reward on the left</c>.</summary>
    /// <param name="state">One state index per factor (length F).</param>
    /// <exception cref="ArgumentException">Wrong length or a state out of range.</exception>
    string DescribeState(ReadOnlySpan<int> state);

    /// <summary>Describes an action in words, e.g. <c>go to the cue location</c>.</summary>
    /// <param name="action">One control state per factor (length F).</param>
    /// <exception cref="ArgumentException">Wrong length or a control state out of range.</exception>
    string DescribeAction(ReadOnlySpan<int> action);

    /// <summary>Name of an observation modality in words, e.g. <c>reward</c>.</summary>
    /// <param name="modality">Modality index in <c>[0, M)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modality"/> is out of range.</exception>
    string ModalityName(int modality);

    /// <summary>Short label of one outcome of one modality, e.g. <c>loss</c> or <c>(1,2)</c>.</summary>
    /// <param name="modality">Modality index in <c>[0, M)</c>.</param>
    /// <param name="outcome">Outcome index in <c>[0, NumObservations[modality])</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    string ObservationLabel(int modality, int outcome);

    /// <summary>Name of a hidden-state factor in words, e.g. <c>location</c> or <c>reward context</c>.</summary>
    /// <param name="factor">Factor index in <c>[0, F)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is out of range.</exception>
    string FactorName(int factor);

    /// <summary>Short label of one state of one factor (for belief displays), e.g. <c>cue</c> or <c>(1,2)</c>.</summary>
    /// <param name="factor">Factor index in <c>[0, F)</c>.</param>
    /// <param name="state">State index in <c>[0, NumStates[factor])</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    string StateLabel(int factor, int state);

    /// <summary>Short label of one control state of one factor (for policy displays), e.g. <c>cue</c> or <c>up</c>.</summary>
    /// <param name="factor">Factor index in <c>[0, F)</c>.</param>
    /// <param name="control">Control state in <c>[0, NumControls[factor])</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    string ControlLabel(int factor, int control);
}

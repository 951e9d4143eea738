namespace Actinf.Epistemic.State;

/// <summary>Which parts of the engine-level learned state an export carries.</summary>
/// <remarks>
/// The parts are independent so that a server can store them on different schedules (issue #4): the feedback
/// statistics are a few hundred bytes and change with every rating, the weights are ~400 KB and change with
/// every belief update.
/// </remarks>
[Flags]
public enum EngineStateParts
{
    /// <summary>Nothing (an export with neither section; importing it changes nothing).</summary>
    None = 0,

    /// <summary>The generative model's learned layer weights W_l and its learning-step counter.</summary>
    ModelWeights = 1,

    /// <summary>The feedback-learning statistics (decayed helpful / unhelpful counts per action type and domain) and the rating counters.</summary>
    FeedbackStatistics = 2,

    /// <summary>Both parts.</summary>
    All = ModelWeights | FeedbackStatistics,
}

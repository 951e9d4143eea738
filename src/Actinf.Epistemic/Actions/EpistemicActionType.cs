namespace Actinf.Epistemic.Actions;

/// <summary>The six epistemic action types of seed 004 (REQ-ACTINF-006).</summary>
public enum EpistemicActionType
{
    /// <summary>Ask what an ambiguous concept means here.</summary>
    SeekClarification,

    /// <summary>Ask for a concrete example of an abstract concept.</summary>
    RequestExample,

    /// <summary>Propose a hypothesis from partial data and ask whether it holds.</summary>
    ProposeHypothesis,

    /// <summary>Suggest a concrete test that would tell two readings apart.</summary>
    SuggestExperiment,

    /// <summary>Propose to explore a related concept.</summary>
    ExploreRelated,

    /// <summary>Restate the current understanding and ask for confirmation.</summary>
    ConfirmUnderstanding,
}

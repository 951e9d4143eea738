namespace Actinf.Epistemic.Sessions;

/// <summary>
/// The parts of a session's state, grouped by what changes them, so that a store can rewrite only the part an
/// operation changed: an <c>epistemic_action</c> touches the few kilobytes of <see cref="Actions"/>, not the
/// beliefs and history (about 120 KB for 1536-d embeddings).
/// </summary>
/// <remarks>
/// Every part document carries the header (format version, session id, creation time, last update, layer
/// dimensions) and only its own members. <see cref="SessionStateAssembly.Merge"/> puts the three together again;
/// the last update of the whole is the latest of the three.
/// </remarks>
[Flags]
public enum SessionStateParts
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>
    /// Beliefs and what observations change: posterior means and precisions, evidence precision, error variance,
    /// layer errors, observation count, surprise, free energy, summaries (uncertainty, coherence, learning score,
    /// quadrant), current domain, prediction errors, domain beliefs and the observation history.
    /// Changed by observations.
    /// </summary>
    Beliefs = 1,

    /// <summary>Goal preferences. Changed by setting goals.</summary>
    Goals = 2,

    /// <summary>The issued-action counter, the issued actions (with their feedback marks) and the rate limiter. Changed by action selection and feedback.</summary>
    Actions = 4,

    /// <summary>The whole state.</summary>
    All = Beliefs | Goals | Actions,
}

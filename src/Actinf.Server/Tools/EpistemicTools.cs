using System.ComponentModel;
using System.Diagnostics;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Observations;
using Actinf.Server.Contracts;
using Actinf.Server.Sessions;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tools;

/// <summary>
/// The active inference tools of a session: observe, epistemic_action (seed 004 REQ-ACTINF-007), set_goals and feedback.
/// Each call on a session is serialised with the other calls on it and stored durably before it returns.
/// </summary>
/// <remarks>Argument names are snake_case C# parameter names on purpose: the SDK uses parameter names as written (issue #6).</remarks>
[McpServerToolType]
internal sealed class EpistemicTools
{
    /// <summary>Largest max_actions accepted.</summary>
    public const int MaxActionsLimit = 16;

    [McpServerTool(Name = "observe", Title = "Observe", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Feed one observation into a session's beliefs: a user message, a retrieved memory, an API result or a system note, as text and/or an embedding. The beliefs are updated by variational inference; the result says whether it converged, the free energy and how much uncertainty dropped. Call it for every turn of the conversation before asking epistemic_action.")]
    public static async Task<ObserveResponse> ObserveAsync(
        SessionRegistry registry,
        EngineStateKeeper engineState,
        [Description("The session id returned by session_create.")] Guid session_id,
        [Description("The observed content, e.g. the user's message. Embedded by the server when no embedding is given. Give text, embedding or both.")] string? text = null,
        [Description("Optional embedding of the content (length = the server's embedding dimension, 1536 by default; any scale). Used instead of embedding the text.")] float[]? embedding = null,
        [Description("Knowledge domain of the observation, e.g. 'billing'. Omit when unknown.")] string? domain = null,
        [Description("Where the observation came from: user_query (default), memory_retrieval, external_api or system_generated.")] ObservationSourceArgument source = ObservationSourceArgument.UserQuery,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(engineState);
        long start = Stopwatch.GetTimestamp();
        if (text is null && embedding is null)
        {
            throw McpErrors.InvalidParams("Give 'text', 'embedding' or both; neither was given.");
        }

        if (embedding is { Length: 0 })
        {
            throw McpErrors.InvalidParams($"Parameter 'embedding' is empty; give {registry.EmbeddingDimension} values or omit it.");
        }

        if (!Enum.IsDefined(source))
        {
            throw McpErrors.InvalidParams($"Parameter 'source' is {source}; use user_query, memory_retrieval, external_api or system_generated.");
        }

        SessionOutcome<ObserveResult> outcome = await registry.UpdateAsync(
            session_id,
            (engine, id) => engine.Observe(new ObserveRequest(id, text ?? string.Empty, embedding is null ? (ReadOnlyMemory<float>?)null : new ReadOnlyMemory<float>(embedding), (ObservationSource)source, domain)),
            cancellationToken).ConfigureAwait(false);
        ObserveResult r = outcome.Value;
        engineState.NoteObservation(); // may start a background checkpoint of the learned weights (issue #4)
        return new ObserveResponse(
            session_id,
            r.Update.Converged,
            r.Update.Iterations,
            r.Update.FinalFreeEnergy,
            r.Update.UncertaintyBefore - r.Update.UncertaintyAfter,
            r.UncertaintyLevel,
            r.DomainUncertainty,
            r.Update.Surprise,
            r.JohariQuadrant.ToString(),
            r.ObservationCount,
            outcome.Version,
            r.Update.TimedOut,
            (float)Stopwatch.GetElapsedTime(start).TotalMilliseconds,
            SessionTools.PulseOf(outcome.Snapshot));
    }

    [McpServerTool(Name = "epistemic_action", Title = "Suggest epistemic actions", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Ask what to ask: returns up to max_actions questions or proposals (seek clarification, request an example, propose a hypothesis, suggest an experiment, explore a related concept, confirm understanding) that would reduce the session's uncertainty most, ranked by expected information gain and relevance. When the session's uncertainty is below 0.6 it returns no actions unless force is true. Rate the actions afterwards with feedback.")]
    public static async Task<EpistemicActionResponseOutput> EpistemicActionAsync(
        SessionRegistry registry,
        [Description("The session id returned by session_create.")] Guid session_id,
        [Description("Generate actions even when uncertainty is below the threshold (0.6). Default false.")] bool force = false,
        [Description("Maximum number of actions to return (0-16; the server caps it at its per-response limit, 3 by default). Default 3.")] int max_actions = 3,
        [Description("Minimum relevance in [0, 1] an action must have to be returned. Default 0.3.")] float min_relevance = 0.3f,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        long start = Stopwatch.GetTimestamp();
        if (max_actions is < 0 or > MaxActionsLimit)
        {
            throw McpErrors.InvalidParams($"Parameter 'max_actions' is {max_actions}; it must be between 0 and {MaxActionsLimit}.");
        }

        if (!(min_relevance >= 0f && min_relevance <= 1f))
        {
            throw McpErrors.InvalidParams($"Parameter 'min_relevance' is {min_relevance}; it must be between 0 and 1.");
        }

        SessionOutcome<EpistemicActionResponse> outcome = await registry.UpdateAsync(
            session_id,
            (engine, id) => engine.SelectActions(new EpistemicActionRequest(id, force, max_actions, min_relevance)),
            cancellationToken).ConfigureAwait(false);
        EpistemicActionResponse r = outcome.Value;
        EpistemicActionItem[] actions = [.. r.Actions.Select(a => new EpistemicActionItem(a.ActionId, a.ActionType.ToString(), a.Content, a.TargetConcept, a.ExpectedInfoGain, a.Relevance, a.Priority))];
        return new EpistemicActionResponseOutput(
            actions,
            r.UncertaintyLevel,
            r.JohariQuadrant.ToString(),
            new UtlMetricsOutput(r.UtlMetrics.Entropy, r.UtlMetrics.Coherence, r.UtlMetrics.LearningScore),
            Pulse.From(r.Pulse),
            (float)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    [McpServerTool(Name = "set_goals", Title = "Set goals", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Replace a session's goals: what the user wants to reach. Goals add pragmatic value to the planner, so questions that lead toward them are preferred. An empty list clears the goals.")]
    public static async Task<GoalsSet> SetGoalsAsync(
        SessionRegistry registry,
        [Description("The session id returned by session_create.")] Guid session_id,
        [Description("The goals, each {description, weight (default 1), embedding (optional)}; [] clears them.")] GoalArgument[] goals,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (goals is null)
        {
            throw McpErrors.InvalidParams("Parameter 'goals' is required: a list of {description, weight, embedding}; [] clears the goals.");
        }

        IReadOnlyList<GoalInput> prepared = Goals.Prepare(goals, registry);
        SessionOutcome<int> outcome = await registry.UpdateAsync(
            session_id,
            (engine, id) =>
            {
                engine.SetGoals(id, prepared);
                return prepared.Count;
            },
            cancellationToken).ConfigureAwait(false);
        return new GoalsSet(session_id, outcome.Value, outcome.Version, SessionTools.PulseOf(outcome.Snapshot));
    }

    [McpServerTool(Name = "feedback", Title = "Rate an action", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Say whether an action returned by epistemic_action helped (the user's answer was informative) or not. The server learns from it how much each kind of action reveals in each domain. Each action counts once; rating it again returns recorded = false.")]
    public static async Task<FeedbackRecorded> FeedbackAsync(
        SessionRegistry registry,
        EngineStateKeeper engineState,
        [Description("The session the action was issued in.")] Guid session_id,
        [Description("The action_id of an action returned by epistemic_action.")] string action_id,
        [Description("true if the action helped, false if not.")] bool helpful,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(engineState);
        if (string.IsNullOrWhiteSpace(action_id))
        {
            throw McpErrors.InvalidParams("Parameter 'action_id' is empty; pass the action_id of an action returned by epistemic_action.");
        }

        SessionOutcome<FeedbackResult> outcome = await registry.UpdateAsync(
            session_id,
            (engine, id) => engine.RecordFeedback(new FeedbackRequest(id, action_id, helpful)),
            cancellationToken).ConfigureAwait(false);
        FeedbackResult r = outcome.Value;
        if (r.Recorded)
        {
            // The statistics are engine-wide and small: durable before the reply, like the session (issue #4).
            await engineState.SaveFeedbackAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return new FeedbackRecorded(session_id, r.Recorded, r.ActionType.ToString(), r.Domain, r.RevealPrecision, r.HelpfulRate, outcome.Version, SessionTools.PulseOf(outcome.Snapshot));
    }
}

using System.ComponentModel;
using System.Text.Json;
using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Contracts;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tools;

/// <summary>
/// Session tools: create, inspect, list, delete, export and import the durable sessions of the epistemic engine.
/// </summary>
/// <remarks>Argument names are snake_case C# parameter names on purpose: the SDK uses parameter names as written (issue #6).</remarks>
[McpServerToolType]
internal sealed class SessionTools
{
    [McpServerTool(Name = "session_create", Title = "Create a session", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Start a new conversation session for active inference: the server keeps beliefs about what the user means and knows, updates them from observations (observe tool), and suggests clarifying questions when uncertain (epistemic_action tool). Returns session_id. Sessions are stored durably and survive server restarts.")]
    public static async Task<SessionCreated> CreateAsync(
        SessionRegistry registry,
        [Description("Optional initial knowledge domain of the conversation, e.g. 'billing' or 'kubernetes'; used by epistemic_action until the first observation names one.")] string? domain = null,
        [Description("Optional goals of the conversation (what the user wants to reach); they steer which questions are preferred. Same shape as set_goals.")] GoalArgument[]? goals = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        IReadOnlyList<GoalInput>? prepared = goals is null ? null : Goals.Prepare(goals, registry);
        SessionOutcome<DateTimeOffset> outcome = await registry.CreateAsync(
            (engine, created) =>
            {
                Guid id = created.SessionId;
                if (prepared is { Count: > 0 })
                {
                    engine.SetGoals(id, prepared);
                }

                if (!string.IsNullOrEmpty(domain))
                {
                    SessionState state = SessionStateJson.Deserialize(engine.ExportSession(id));
                    engine.ImportSession(SessionStateJson.Serialize(state with { CurrentDomain = domain }), replace: true);
                }

                return created.CreatedAt;
            },
            cancellationToken).ConfigureAwait(false);
        return new SessionCreated(outcome.Snapshot.SessionId, outcome.Value, outcome.Version, domain ?? string.Empty, prepared?.Count ?? 0, PulseOf(outcome.Snapshot));
    }

    [McpServerTool(Name = "session_get", Title = "Inspect a session", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Summarise a session's beliefs: observations so far, overall uncertainty (0 = certain, 1 = nothing known), coherence, Johari quadrant, free energy and the uncertainty of each domain observed. Changes nothing.")]
    public static async Task<SessionDetails> GetAsync(
        SessionRegistry registry,
        [Description("The session id returned by session_create.")] Guid session_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        SessionOutcome<bool> outcome = await registry.ReadAsync(session_id, (_, _) => true, cancellationToken).ConfigureAwait(false);
        SessionSnapshot s = outcome.Snapshot;
        return new SessionDetails(s.SessionId, outcome.Version, s.ObservationCount, s.UncertaintyLevel, s.Entropy, s.Confidence, s.Coherence, s.JohariQuadrant.ToString(), s.FreeEnergy, s.DomainUncertainty, PulseOf(s));
    }

    [McpServerTool(Name = "session_list", Title = "List sessions", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List the stored sessions, most recently updated first, with their version, last update time, uncertainty and coherence.")]
    public static async Task<SessionList> ListAsync(SessionRegistry registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        IReadOnlyList<SessionSummary> stored = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        SessionListEntry[] entries = [.. stored.Select(s => new SessionListEntry(s.SessionId, s.Version, s.UpdatedAt, s.UncertaintyLevel, s.Coherence))];
        Pulse pulse = entries.Length == 0
            ? Pulse.From(1f, 0f)
            : Pulse.From(entries.Average(e => e.UncertaintyLevel), entries.Average(e => e.Coherence));
        return new SessionList(entries, entries.Length, pulse);
    }

    [McpServerTool(Name = "session_delete", Title = "Delete a session", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Delete a session permanently, from memory and from the store. An unknown session_id is an error (-32000).")]
    public static async Task<SessionDeleted> DeleteAsync(
        SessionRegistry registry,
        [Description("The session id to delete.")] Guid session_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        SessionSummary last = await registry.DeleteAsync(session_id, cancellationToken).ConfigureAwait(false);
        return new SessionDeleted(session_id, true, Pulse.From(last.UncertaintyLevel, last.Coherence));
    }

    [McpServerTool(Name = "session_export", Title = "Export a session", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Export a session's whole state (beliefs, goals, history, issued actions) as a versioned JSON document, e.g. to back it up or move it to another server with session_import. Changes nothing.")]
    public static async Task<SessionExported> ExportAsync(
        SessionRegistry registry,
        [Description("The session id to export.")] Guid session_id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        SessionOutcome<string> outcome = await registry.ReadAsync(session_id, (engine, id) => engine.ExportSession(id), cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(outcome.Value);
        return new SessionExported(session_id, outcome.Version, document.RootElement.Clone(), PulseOf(outcome.Snapshot));
    }

    [McpServerTool(Name = "session_import", Title = "Import a session", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Import a session state produced by session_export (the 'state' object, or the same JSON as a string). The session keeps the id inside the state. Fails with -32602 if that id is already stored, unless replace is true.")]
    public static async Task<SessionImported> ImportAsync(
        SessionRegistry registry,
        [Description("The 'state' object returned by session_export (a JSON object, or the same JSON as a string).")] JsonElement state,
        [Description("Overwrite a stored session with the same id. Default false.")] bool replace = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        string json = state.ValueKind switch
        {
            JsonValueKind.Object => state.GetRawText(),
            JsonValueKind.String => state.GetString() ?? string.Empty,
            _ => throw McpErrors.InvalidParams($"Parameter 'state' must be the JSON object returned by session_export (or that JSON as a string); got a JSON {state.ValueKind}."),
        };
        Guid id = SessionStateJson.Deserialize(json).SessionId;
        if (id == Guid.Empty)
        {
            throw McpErrors.InvalidParams("Parameter 'state' has no sessionId; pass the 'state' object of session_export unchanged.");
        }

        SessionOutcome<bool> outcome = await registry.ImportAsync(id, json, replace, cancellationToken).ConfigureAwait(false);
        return new SessionImported(id, outcome.Version, outcome.Value, PulseOf(outcome.Snapshot));
    }

    internal static Pulse PulseOf(SessionSnapshot snapshot) => Pulse.From(snapshot.UncertaintyLevel, snapshot.Coherence);
}

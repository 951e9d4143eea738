using System.ComponentModel;
using System.Text.Json;

namespace Actinf.Server.Contracts;

/// <summary>A goal argument of <c>session_create</c> and <c>set_goals</c>.</summary>
/// <param name="Description">The goal in words (embedded by the server when no embedding is given).</param>
/// <param name="Weight">Preference strength &gt; 0 (weights are normalised).</param>
/// <param name="Embedding">Optional preferred state as an embedding of the server's dimension.</param>
public sealed record GoalArgument(
    [property: Description("The goal in words, e.g. 'understand the customer's deployment constraints'.")] string Description,
    [property: Description("Preference strength, > 0; weights are normalised. Default 1.")] float Weight = 1f,
    [property: Description("Optional embedding of the preferred state (length = the server's embedding dimension, 1536 by default); omit to embed the description.")] float[]? Embedding = null);

/// <summary>Response of <c>session_create</c>.</summary>
/// <param name="SessionId">The new session's id.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="Version">Stored version (1).</param>
/// <param name="Domain">The initial domain ("" when none).</param>
/// <param name="GoalCount">Goals set.</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record SessionCreated(
    [property: Description("Id of the new session; pass it as session_id to the other tools.")] Guid SessionId,
    DateTimeOffset CreatedAt,
    long Version,
    string Domain,
    int GoalCount,
    Pulse Pulse);

/// <summary>Response of <c>session_get</c>.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Version">Stored version.</param>
/// <param name="ObservationCount">Observations incorporated.</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="Entropy">Layer-0 belief entropy in nats.</param>
/// <param name="Confidence">1 - U.</param>
/// <param name="Coherence">Coherence in [0, 1].</param>
/// <param name="JohariQuadrant">Open, Blind, Hidden or Unknown.</param>
/// <param name="FreeEnergy">Variational free energy after the last update (nats).</param>
/// <param name="DomainUncertainty">Uncertainty per domain in (0, 1].</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record SessionDetails(
    Guid SessionId,
    long Version,
    long ObservationCount,
    [property: Description("Uncertainty level U in [0, 1]; epistemic actions are generated at U >= 0.6.")] float UncertaintyLevel,
    [property: Description("Entropy of the sensory-layer beliefs in nats.")] double Entropy,
    float Confidence,
    float Coherence,
    [property: Description("Johari quadrant: Open (known), Blind (others know more), Hidden (our confident beliefs disagree with what we see), Unknown (little known).")] string JohariQuadrant,
    float FreeEnergy,
    [property: Description("Uncertainty in (0, 1] for each domain observed so far.")] IReadOnlyDictionary<string, float> DomainUncertainty,
    Pulse Pulse);

/// <summary>One entry of <c>session_list</c>.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Version">Stored version.</param>
/// <param name="UpdatedAt">Last update (UTC).</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="Coherence">Coherence in [0, 1].</param>
public sealed record SessionListEntry(Guid SessionId, long Version, DateTimeOffset UpdatedAt, float UncertaintyLevel, float Coherence);

/// <summary>Response of <c>session_list</c>.</summary>
/// <param name="Sessions">The stored sessions, most recently updated first.</param>
/// <param name="Count">Entries returned.</param>
/// <param name="Pulse">The pulse of the mean uncertainty and coherence of the listed sessions (of a fresh session when none).</param>
public sealed record SessionList(
    IReadOnlyList<SessionListEntry> Sessions,
    int Count,
    [property: Description("Pulse of the mean uncertainty and coherence over the listed sessions (a fresh session's pulse when there are none).")] Pulse Pulse);

/// <summary>Response of <c>session_delete</c>.</summary>
/// <param name="SessionId">The deleted session.</param>
/// <param name="Deleted">Always true (an unknown session is an error).</param>
/// <param name="Pulse">The session's pulse at its last stored version.</param>
public sealed record SessionDeleted(Guid SessionId, bool Deleted, Pulse Pulse);

/// <summary>Response of <c>session_export</c>.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Version">Stored version exported.</param>
/// <param name="State">The whole session state (versioned JSON document; pass it to session_import).</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record SessionExported(
    Guid SessionId,
    long Version,
    [property: Description("The whole session state as a versioned JSON document; pass it unchanged to session_import.")] JsonElement State,
    Pulse Pulse);

/// <summary>Response of <c>session_import</c>.</summary>
/// <param name="SessionId">The imported session's id (the one inside the state).</param>
/// <param name="Version">New stored version.</param>
/// <param name="Replaced">Whether a stored session with that id was overwritten.</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record SessionImported(Guid SessionId, long Version, bool Replaced, Pulse Pulse);

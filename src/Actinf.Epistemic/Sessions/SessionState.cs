using System.Text.Json.Serialization;
using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Observations;

namespace Actinf.Epistemic.Sessions;

/// <summary>
/// A session's whole state as a versioned, serialisable document (export/import; JSON through
/// <see cref="SessionStateJson"/>). Vectors are in model units; in JSON each is base64 of its float32 values,
/// little-endian (version 2; version 1's arrays of numbers are still read).
/// </summary>
public sealed record SessionState
{
    /// <summary>The format version written: 2, float vectors as base64 of little-endian float32 values.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest format version read: 1, float vectors as JSON arrays of numbers.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>Format version (<see cref="CurrentVersion"/> when written).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>
    /// Null for a whole session (what <c>ExportSession</c> writes and <c>ImportSession</c> reads); one part
    /// (<see cref="SessionStateParts.Beliefs"/>, <see cref="SessionStateParts.Goals"/> or
    /// <see cref="SessionStateParts.Actions"/>) for a part document, whose members of the other parts are empty
    /// (see <see cref="SessionStateAssembly"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionStateParts? Part { get; init; }

    /// <summary>Session id.</summary>
    public Guid SessionId { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset LastUpdate { get; init; }

    /// <summary>The model's layer dimensions (must match the importing engine).</summary>
    public int[] LayerDimensions { get; init; } = [];

    /// <summary>Posterior means per layer.</summary>
    public float[][] Means { get; init; } = [];

    /// <summary>Layer-0 posterior precision.</summary>
    public float[] Precision { get; init; } = [];

    /// <summary>Layer-0 evidence precision.</summary>
    public float[] EvidencePrecision { get; init; } = [];

    /// <summary>Layer-0 observation-noise variance estimate.</summary>
    public float[] ErrorVariance { get; init; } = [];

    /// <summary>Per-layer precision-weighted errors of the last update.</summary>
    public float[] LayerErrors { get; init; } = [];

    /// <summary>Observations incorporated.</summary>
    public long ObservationCount { get; init; }

    /// <summary>Surprise of the last observation.</summary>
    public float Surprise { get; init; }

    /// <summary>Free energy after the last update.</summary>
    public float FreeEnergy { get; init; }

    /// <summary>Uncertainty level.</summary>
    public float Uncertainty { get; init; }

    /// <summary>Coherence.</summary>
    public float Coherence { get; init; }

    /// <summary>Learning score.</summary>
    public float LearningScore { get; init; }

    /// <summary>Johari quadrant.</summary>
    public JohariQuadrant Quadrant { get; init; }

    /// <summary>Current domain.</summary>
    public string CurrentDomain { get; init; } = string.Empty;

    /// <summary>Issued-action counter.</summary>
    public long ActionCounter { get; init; }

    /// <summary>Goals.</summary>
    public GoalState[] Goals { get; init; } = [];

    /// <summary>Prediction errors, oldest first.</summary>
    public PredictionErrorState[] PredictionErrors { get; init; } = [];

    /// <summary>Running average surprise of the buffer.</summary>
    public float AverageSurprise { get; init; }

    /// <summary>Domain beliefs in insertion order.</summary>
    public DomainState[] Domains { get; init; } = [];

    /// <summary>Observation history, oldest first.</summary>
    public ObservationState[] History { get; init; } = [];

    /// <summary>Issued actions, oldest first.</summary>
    public IssuedAction[] IssuedActions { get; init; } = [];

    /// <summary>Rate limiter slots per action type (index = (int)type).</summary>
    public DateTimeOffset[][] RateLimiter { get; init; } = [];
}

/// <summary>A goal in a <see cref="SessionState"/>.</summary>
/// <param name="Embedding">Preferred state (model units).</param>
/// <param name="Weight">Weight.</param>
/// <param name="Description">Description.</param>
public sealed record GoalState(float[] Embedding, float Weight, string Description);

/// <summary>A prediction error in a <see cref="SessionState"/>.</summary>
/// <param name="Timestamp">Time.</param>
/// <param name="Domain">Domain.</param>
/// <param name="Surprise">Surprise.</param>
/// <param name="MeanAbsoluteError">Mean absolute innovation.</param>
/// <param name="LayerErrors">Per-layer errors.</param>
public sealed record PredictionErrorState(DateTimeOffset Timestamp, string Domain, float Surprise, float MeanAbsoluteError, float[] LayerErrors);

/// <summary>A domain belief in a <see cref="SessionState"/>.</summary>
/// <param name="Name">Domain.</param>
/// <param name="Centroid">Centroid.</param>
/// <param name="Count">Observations.</param>
/// <param name="EvidencePrecision">Scalar evidence precision.</param>
/// <param name="Surprise">Last surprise.</param>
/// <param name="LastSeen">Last observation time.</param>
public sealed record DomainState(string Name, float[] Centroid, long Count, float EvidencePrecision, float Surprise, DateTimeOffset LastSeen);

/// <summary>An observation in a <see cref="SessionState"/>.</summary>
/// <param name="Embedding">Embedding (model units).</param>
/// <param name="Text">Text.</param>
/// <param name="Source">Source.</param>
/// <param name="Domain">Domain.</param>
/// <param name="Timestamp">Time.</param>
public sealed record ObservationState(float[] Embedding, string Text, ObservationSource Source, string Domain, DateTimeOffset Timestamp);

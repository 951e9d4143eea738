using Actinf.Epistemic.Learning;

namespace Actinf.Epistemic.State;

/// <summary>
/// The engine-level learned state that all sessions share, as a versioned document (JSON through
/// <see cref="EngineStateJson"/>): the generative model's layer weights and the feedback-learning statistics.
/// Either section may be absent; an import then leaves that part of the engine as it is.
/// </summary>
/// <remarks>
/// Format version 1 is documented in docs/epistemic-engine.md ("Engine state export"). The document carries no
/// timestamp of its own, so exporting an unchanged engine twice gives the same bytes.
/// </remarks>
public sealed record EngineState
{
    /// <summary>The current format version.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Format version (1).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The learned layer weights, or null when the export did not include them.</summary>
    public ModelWeightsState? Model { get; init; }

    /// <summary>The feedback-learning statistics, or null when the export did not include them.</summary>
    public FeedbackStatisticsState? Feedback { get; init; }
}

/// <summary>The generative model's learned weights (version 1).</summary>
/// <remarks>Shape fields are redundant with the engine's options on purpose: an import checks them and names the one that differs.</remarks>
public sealed record ModelWeightsState
{
    /// <summary>Layer dimensions d_0 … d_(L-1), sensory first (must equal the importing engine's).</summary>
    public int[] LayerDimensions { get; init; } = [];

    /// <summary>Number of diagonal blocks G of every W_l (must equal the importing engine's).</summary>
    public int ConnectionGroups { get; init; }

    /// <summary>Learning steps applied to the weights when they were exported (≥ 0).</summary>
    public long LearningSteps { get; init; }

    /// <summary>One entry per weight matrix W_l, l = 1 … L-1, in order.</summary>
    public WeightLayerState[] Layers { get; init; } = [];
}

/// <summary>The weights W_l of one layer (version 1).</summary>
/// <remarks>
/// <see cref="Weights"/> is the base64 text of <c>Groups × BlockRows × BlockColumns</c> IEEE 754 float32 values,
/// little-endian, block after block and column-major inside a block:
/// W[g·r + i, g·c + j] is value number g·r·c + j·r + i (r = BlockRows, c = BlockColumns).
/// </remarks>
public sealed record WeightLayerState
{
    /// <summary>Level l ≥ 1 of the layer whose state predicts layer l-1.</summary>
    public int Level { get; init; }

    /// <summary>Rows of W_l: d_(l-1).</summary>
    public int Rows { get; init; }

    /// <summary>Columns of W_l: d_l.</summary>
    public int Columns { get; init; }

    /// <summary>Diagonal blocks G.</summary>
    public int Groups { get; init; }

    /// <summary>Rows per block r = d_(l-1)/G.</summary>
    public int BlockRows { get; init; }

    /// <summary>Columns per block c = d_l/G.</summary>
    public int BlockColumns { get; init; }

    /// <summary>The block weights as base64 of little-endian float32 (layout in the type's remarks).</summary>
    public string Weights { get; init; } = string.Empty;
}

/// <summary>The feedback-learning statistics (version 1).</summary>
public sealed record FeedbackStatisticsState
{
    /// <summary>Ratings received (no decay; ≥ <see cref="Helpful"/>).</summary>
    public long Rated { get; init; }

    /// <summary>Ratings that were helpful (no decay; ≥ 0).</summary>
    public long Helpful { get; init; }

    /// <summary>The decayed counts per action type and domain, ordered by type then domain (ordinal).</summary>
    public RevealStatistics[] Statistics { get; init; } = [];
}

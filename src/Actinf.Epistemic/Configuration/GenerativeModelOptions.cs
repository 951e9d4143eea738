using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>
/// Shape and learning settings of the hierarchical linear-Gaussian generative model (seed 004 REQ-ACTINF-003).
/// </summary>
/// <remarks>
/// Layer 0 is the observation (embedding) layer; layer l (l ≥ 1) predicts layer l-1 through the weights
/// W_l of shape [LayerDimensions[l-1], LayerDimensions[l]]. W_l is block-diagonal with
/// <see cref="ConnectionGroups"/> dense blocks (issue #4: the structure that makes a 1536-d update fit the
/// 0.5 ms target; <c>ConnectionGroups = 1</c> gives dense weights at 16 times the cost). See
/// docs/epistemic-engine.md, "Generative model".
/// </remarks>
public sealed record GenerativeModelOptions
{
    /// <summary>Dimensions per layer, sensory first. Default [1536, 768, 384, 192, 96] (seed 004).</summary>
    public IReadOnlyList<int> LayerDimensions { get; init; } = [1536, 768, 384, 192, 96];

    /// <summary>
    /// Precision pi_l of the prediction error at each layer (unitless, inverse variance in the scaled
    /// embedding units, where each coordinate of an observation has mean square 1). Default
    /// [1.0, 0.8, 0.6, 0.4, 0.2]; the last one is the precision of the zero-mean prior on the top layer.
    /// </summary>
    public IReadOnlyList<float> LayerPrecisions { get; init; } = [1.0f, 0.8f, 0.6f, 0.4f, 0.2f];

    /// <summary>Learning rate of the weights W_l from precision-weighted prediction errors. Default 0.001.</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>Whether the weights are learned after every belief update. Default true.</summary>
    public bool LearnWeights { get; init; } = true;

    /// <summary>
    /// Number of dense blocks of every W_l (each layer dimension must be divisible by it). Default 16, which
    /// gives 97,920 weights in all (1,566,720 for dense weights).
    /// </summary>
    public int ConnectionGroups { get; init; } = 16;

    /// <summary>Seed of the initial weights (each block a random matrix of orthonormal columns scaled by sqrt(rows/columns)). Default 12345.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Number of layers (the length of <see cref="LayerDimensions"/>).</summary>
    public int LayerCount => LayerDimensions.Count;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        if (LayerDimensions is null || LayerDimensions.Count < 1)
        {
            throw ConfigurationGuard.Error("Model.LayerDimensions", LayerDimensions?.Count, "a list of at least one dimension");
        }

        if (LayerPrecisions is null || LayerPrecisions.Count != LayerDimensions.Count)
        {
            throw ConfigurationGuard.Error("Model.LayerPrecisions", LayerPrecisions?.Count, $"a list of {LayerDimensions.Count} precisions, one per layer");
        }

        ConfigurationGuard.Positive("Model.ConnectionGroups", ConnectionGroups);
        for (int l = 0; l < LayerDimensions.Count; l++)
        {
            ConfigurationGuard.Positive($"Model.LayerDimensions[{l}]", LayerDimensions[l]);
            ConfigurationGuard.Positive($"Model.LayerPrecisions[{l}]", LayerPrecisions[l]);
            if (LayerDimensions[l] % ConnectionGroups != 0)
            {
                throw ConfigurationGuard.Error($"Model.LayerDimensions[{l}]", LayerDimensions[l], $"divisible by Model.ConnectionGroups ({ConnectionGroups})");
            }
        }

        ConfigurationGuard.NonNegative("Model.LearningRate", LearningRate);
    }
}

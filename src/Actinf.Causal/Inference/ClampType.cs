namespace Actinf.Causal.Inference;

/// <summary>How a clamped variable is held during inference (seed 004's ClampType).</summary>
public enum ClampType
{
    /// <summary>The value is fixed: observed (conditioning) or set by intervention; its posterior never moves.</summary>
    Hard,

    /// <summary>A strong belief that can still move under strong opposing evidence (virtual evidence).</summary>
    Soft,
}

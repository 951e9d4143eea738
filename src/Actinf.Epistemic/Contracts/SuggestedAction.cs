namespace Actinf.Epistemic.Contracts;

/// <summary>The pulse's suggestion (seed 004 handler rules).</summary>
public enum SuggestedAction
{
    /// <summary>U ≤ 0.7: carry on.</summary>
    Continue,

    /// <summary>U &gt; 0.7 and coherence ≥ 0.4: explore.</summary>
    Explore,

    /// <summary>U &gt; 0.7 and coherence &lt; 0.4: consolidate offline (dream layer).</summary>
    TriggerDream,
}

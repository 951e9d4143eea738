namespace Actinf.Epistemic.Contracts;

/// <summary>The cognitive pulse header (seed 004).</summary>
/// <param name="Entropy">The uncertainty level U in [0, 1].</param>
/// <param name="Coherence">Coherence in [0, 1] (see <see cref="UtlMetrics"/>).</param>
/// <param name="SuggestedAction">What to do next.</param>
public sealed record CognitivePulse(float Entropy, float Coherence, SuggestedAction SuggestedAction)
{
    /// <summary>The seed's rule: U &gt; 0.7 → (coherence &lt; 0.4 ? TriggerDream : Explore), else Continue.</summary>
    /// <param name="uncertainty">U.</param>
    /// <param name="coherence">Coherence.</param>
    /// <returns>The pulse.</returns>
    public static CognitivePulse From(float uncertainty, float coherence) =>
        new(uncertainty, coherence, uncertainty > 0.7f ? (coherence < 0.4f ? SuggestedAction.TriggerDream : SuggestedAction.Explore) : SuggestedAction.Continue);
}

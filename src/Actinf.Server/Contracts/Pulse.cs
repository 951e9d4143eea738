using System.ComponentModel;
using Actinf.Epistemic.Contracts;

namespace Actinf.Server.Contracts;

/// <summary>The cognitive pulse header that every tool response carries (seed 004 section 3.6).</summary>
/// <param name="Entropy">The uncertainty level U in [0, 1] (1 = nothing known).</param>
/// <param name="Coherence">How well recent observations agree with the beliefs, in [0, 1].</param>
/// <param name="SuggestedAction">continue (U ≤ 0.7), explore (U &gt; 0.7, coherence ≥ 0.4) or trigger_dream (U &gt; 0.7, coherence &lt; 0.4).</param>
public sealed record Pulse(
    [property: Description("Uncertainty level U in [0, 1]; 1 means nothing is known yet.")] float Entropy,
    [property: Description("Agreement of recent observations with the beliefs, in [0, 1].")] float Coherence,
    [property: Description("What to do next: continue (U <= 0.7), explore (U > 0.7 and coherence >= 0.4) or trigger_dream (U > 0.7 and coherence < 0.4).")] string SuggestedAction)
{
    /// <summary>The pulse of a session with uncertainty <paramref name="uncertainty"/> and coherence <paramref name="coherence"/> (the seed's rule).</summary>
    /// <param name="uncertainty">U in [0, 1].</param>
    /// <param name="coherence">Coherence in [0, 1].</param>
    /// <returns>The pulse.</returns>
    public static Pulse From(float uncertainty, float coherence) => From(CognitivePulse.From(uncertainty, coherence));

    /// <summary>Converts the engine's pulse.</summary>
    /// <param name="pulse">The engine's pulse.</param>
    /// <returns>The wire pulse.</returns>
    public static Pulse From(CognitivePulse pulse)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        return new Pulse(pulse.Entropy, pulse.Coherence, Name(pulse.SuggestedAction));
    }

    /// <summary>The wire name of a suggestion (seed 004: continue, explore, trigger_dream).</summary>
    /// <param name="action">The suggestion.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Name(SuggestedAction action) => action switch
    {
        Epistemic.Contracts.SuggestedAction.Continue => "continue",
        Epistemic.Contracts.SuggestedAction.Explore => "explore",
        Epistemic.Contracts.SuggestedAction.TriggerDream => "trigger_dream",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown suggestion."),
    };
}

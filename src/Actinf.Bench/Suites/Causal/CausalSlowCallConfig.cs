namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// <see cref="CausalPerCallConfig"/> for calls of a tenth of a second to seconds (MPE on the large
/// networks): 2 warm-up and 20 measured calls, so its P95 is close to the maximum.
/// </summary>
public sealed class CausalSlowCallConfig : CausalPerCallConfig
{
    /// <summary>Creates the config.</summary>
    public CausalSlowCallConfig()
        : base("PerCallSlow", 2, 20)
    {
    }
}

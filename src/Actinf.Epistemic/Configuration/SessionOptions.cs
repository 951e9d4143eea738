using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>Bounds of the per-session buffers (memory budget: seed 004 section 5.2).</summary>
public sealed record SessionOptions
{
    /// <summary>Observations kept (embedding and text). Default 8 (about 50 KB at 1536-d).</summary>
    public int ObservationHistory { get; init; } = 8;

    /// <summary>Prediction errors kept in the ring buffer. Default 32.</summary>
    public int PredictionErrorBuffer { get; init; } = 32;

    /// <summary>Domains tracked (least recently observed one evicted). Default 16.</summary>
    public int MaxDomains { get; init; } = 16;

    /// <summary>Issued actions remembered for feedback. Default 32.</summary>
    public int IssuedActionHistory { get; init; } = 32;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.InRange("Session.ObservationHistory", ObservationHistory, 1, 1024);
        ConfigurationGuard.InRange("Session.PredictionErrorBuffer", PredictionErrorBuffer, 1, 4096);
        ConfigurationGuard.InRange("Session.MaxDomains", MaxDomains, 1, 256);
        ConfigurationGuard.InRange("Session.IssuedActionHistory", IssuedActionHistory, 1, 4096);
    }
}

using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>
/// Configuration of the <c>ActiveInferenceEngine</c> with the defaults of seed 004 (REQ-ACTINF-001) and
/// the nested component settings. Immutable; validated once by <see cref="Validate"/> (the engine calls it).
/// </summary>
public sealed record EngineOptions
{
    /// <summary>Uncertainty level in [0, 1] at or above which epistemic actions are generated. Default 0.6.</summary>
    public float UncertaintyThreshold { get; init; } = 0.6f;

    /// <summary>Normalised surprise in [0, 1] above which a prediction error counts as high. Default 0.5 (errors larger than predicted).</summary>
    public float SurpriseThreshold { get; init; } = 0.5f;

    /// <summary>Maximum epistemic actions per response. Default 3.</summary>
    public int MaxActionsPerResponse { get; init; } = 3;

    /// <summary>Candidate (gap, action type) pairs the planner considers. Default 10.</summary>
    public int ExplorationBudget { get; init; } = 10;

    /// <summary>Planning depth in steps (the planner uses min(this, PolicyEvaluator.MaxDepth)). Default 5.</summary>
    public int PlanningDepth { get; init; } = 5;

    /// <summary>Multiplier of the observation precision (weight of prediction errors from observations). Default 1.0.</summary>
    public float PrecisionWeight { get; init; } = 1.0f;

    /// <summary>Balance b in [0, 1]: G = -2·(b·epistemic + (1-b)·pragmatic); 0 pure pragmatic, 1 pure epistemic. Default 0.5.</summary>
    public float EpistemicPragmaticBalance { get; init; } = 0.5f;

    /// <summary>Budget of a full policy (EFE) evaluation. Default 10 ms.</summary>
    public TimeSpan EfeTimeout { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Budget of one belief update. Default 5 ms.</summary>
    public TimeSpan BeliefTimeout { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Budget of an end-to-end action selection. Default 20 ms.</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Generative model settings.</summary>
    public GenerativeModelOptions Model { get; init; } = new();

    /// <summary>Belief updater settings.</summary>
    public BeliefUpdaterOptions BeliefUpdater { get; init; } = new();

    /// <summary>Policy evaluator settings.</summary>
    public PolicyEvaluatorOptions PolicyEvaluator { get; init; } = new();

    /// <summary>Action generator settings.</summary>
    public EpistemicActionOptions Actions { get; init; } = new();

    /// <summary>Feedback learning settings.</summary>
    public FeedbackLearningOptions Learning { get; init; } = new();

    /// <summary>Session buffer bounds.</summary>
    public SessionOptions Session { get; init; } = new();

    /// <summary>The effective planning depth: min(<see cref="PlanningDepth"/>, PolicyEvaluator.MaxDepth).</summary>
    public int EffectiveDepth => Math.Min(PlanningDepth, PolicyEvaluator.MaxDepth);

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.InRange(nameof(UncertaintyThreshold), UncertaintyThreshold, 0, 1);
        ConfigurationGuard.InRange(nameof(SurpriseThreshold), SurpriseThreshold, 0, 1);
        ConfigurationGuard.InRange(nameof(MaxActionsPerResponse), MaxActionsPerResponse, 1, 16);
        ConfigurationGuard.InRange(nameof(ExplorationBudget), ExplorationBudget, 1, 64);
        ConfigurationGuard.InRange(nameof(PlanningDepth), PlanningDepth, 1, 8);
        ConfigurationGuard.Positive(nameof(PrecisionWeight), PrecisionWeight);
        ConfigurationGuard.InRange(nameof(EpistemicPragmaticBalance), EpistemicPragmaticBalance, 0, 1);
        ConfigurationGuard.PositiveDuration(nameof(EfeTimeout), EfeTimeout);
        ConfigurationGuard.PositiveDuration(nameof(BeliefTimeout), BeliefTimeout);
        ConfigurationGuard.PositiveDuration(nameof(ActionTimeout), ActionTimeout);
        if (Model is null) throw ConfigurationGuard.Error(nameof(Model), null, "set");
        if (BeliefUpdater is null) throw ConfigurationGuard.Error(nameof(BeliefUpdater), null, "set");
        if (PolicyEvaluator is null) throw ConfigurationGuard.Error(nameof(PolicyEvaluator), null, "set");
        if (Actions is null) throw ConfigurationGuard.Error(nameof(Actions), null, "set");
        if (Learning is null) throw ConfigurationGuard.Error(nameof(Learning), null, "set");
        if (Session is null) throw ConfigurationGuard.Error(nameof(Session), null, "set");
        Model.Validate();
        BeliefUpdater.Validate();
        PolicyEvaluator.Validate();
        Actions.Validate();
        Learning.Validate();
        Session.Validate();
    }
}

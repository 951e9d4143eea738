using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Tests.Configuration;

public class EngineOptionsTests
{
    [Fact]
    public void Defaults_MatchSeed004()
    {
        var o = new EngineOptions();
        Assert.Equal(0.6f, o.UncertaintyThreshold);
        Assert.Equal(3, o.MaxActionsPerResponse);
        Assert.Equal(10, o.ExplorationBudget);
        Assert.Equal(5, o.PlanningDepth);
        Assert.Equal(1.0f, o.PrecisionWeight);
        Assert.Equal(0.5f, o.EpistemicPragmaticBalance);
        Assert.Equal(TimeSpan.FromMilliseconds(10), o.EfeTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(5), o.BeliefTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(20), o.ActionTimeout);
        Assert.Equal(10, o.BeliefUpdater.MaxIterations);
        Assert.Equal(0.001f, o.BeliefUpdater.ConvergenceThreshold);
        Assert.Equal(0.1f, o.BeliefUpdater.LearningRate);
        Assert.Equal(0.9f, o.BeliefUpdater.Momentum);
        Assert.Equal(1e-6f, o.BeliefUpdater.PrecisionFloor);
        Assert.Equal(1.0f, o.BeliefUpdater.MaxUpdateMagnitude);
        Assert.Equal(5, o.PolicyEvaluator.MaxDepth);
        Assert.Equal(4, o.PolicyEvaluator.BranchingFactor);
        Assert.Equal(0.9f, o.PolicyEvaluator.DiscountFactor);
        Assert.Equal(0.01f, o.PolicyEvaluator.PruningThreshold);
        Assert.Equal(1.0f, o.PolicyEvaluator.SelectionTemperature);
        Assert.Equal(TimeSpan.FromSeconds(60), o.Actions.ActionCooldown);
        Assert.Equal(0.1f, o.Actions.MinInfoGain);
        Assert.True(o.Actions.RequireDiversity);
        Assert.Equal(TimeSpan.FromDays(30), o.Learning.HalfLife);
        Assert.Equal([1536, 768, 384, 192, 96], o.Model.LayerDimensions);
        Assert.Equal([1.0f, 0.8f, 0.6f, 0.4f, 0.2f], o.Model.LayerPrecisions);
        Assert.Equal(0.001f, o.Model.LearningRate);
        o.Validate();
    }

    public static TheoryData<EngineOptions, string> InvalidSettings() => new()
    {
        { new EngineOptions { UncertaintyThreshold = 1.5f }, "UncertaintyThreshold" },
        { new EngineOptions { MaxActionsPerResponse = 0 }, "MaxActionsPerResponse" },
        { new EngineOptions { ExplorationBudget = 0 }, "ExplorationBudget" },
        { new EngineOptions { PlanningDepth = 0 }, "PlanningDepth" },
        { new EngineOptions { PrecisionWeight = float.NaN }, "PrecisionWeight" },
        { new EngineOptions { EpistemicPragmaticBalance = -0.1f }, "EpistemicPragmaticBalance" },
        { new EngineOptions { EfeTimeout = TimeSpan.Zero }, "EfeTimeout" },
        { new EngineOptions { BeliefTimeout = TimeSpan.FromMilliseconds(-1) }, "BeliefTimeout" },
        { new EngineOptions { ActionTimeout = TimeSpan.Zero }, "ActionTimeout" },
        { new EngineOptions { BeliefUpdater = new() { Momentum = 1f } }, "BeliefUpdater.Momentum" },
        { new EngineOptions { BeliefUpdater = new() { PrecisionFloor = 0f } }, "BeliefUpdater.PrecisionFloor" },
        { new EngineOptions { BeliefUpdater = new() { MaxIterations = 0 } }, "BeliefUpdater.MaxIterations" },
        { new EngineOptions { PolicyEvaluator = new() { DiscountFactor = 0f } }, "PolicyEvaluator.DiscountFactor" },
        { new EngineOptions { PolicyEvaluator = new() { SelectionTemperature = 0f } }, "PolicyEvaluator.SelectionTemperature" },
        { new EngineOptions { Actions = new() { MinInfoGain = 1f } }, "Actions.MinInfoGain" },
        { new EngineOptions { Learning = new() { HalfLife = TimeSpan.Zero } }, "Learning.HalfLife" },
        { new EngineOptions { Model = new() { LayerDimensions = [1536, 770], LayerPrecisions = [1f, 1f] } }, "Model.LayerDimensions[1]" },
        { new EngineOptions { Model = new() { LayerPrecisions = [1f, 0.8f] } }, "Model.LayerPrecisions" },
        { new EngineOptions { Session = new() { ObservationHistory = 0 } }, "Session.ObservationHistory" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_ThrowsConfigurationErrorNamingIt(EngineOptions options, string setting)
    {
        var ex = Assert.Throws<ActiveInferenceException>(options.Validate);
        Assert.Equal(ErrorKind.ConfigurationError, ex.Kind);
        Assert.Equal(-32016, ex.McpCode);
        Assert.Contains($"'{setting}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineConstructor_InvalidSetting_Throws()
    {
        var ex = Assert.Throws<ActiveInferenceException>(() => new ActiveInferenceEngine(new EngineOptions { PlanningDepth = 99 }));
        Assert.Contains("PlanningDepth", ex.Message, StringComparison.Ordinal);
    }
}

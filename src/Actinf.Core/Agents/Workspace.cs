using Actinf.Core.Models;

namespace Actinf.Core.Agents;

/// <summary>Everything an agent mutates, allocated once (stub: being implemented).</summary>
internal sealed partial class Workspace
{
    public Workspace(GenerativeModel model, AgentOptions options)
    {
        _ = model;
        _ = options;
    }

    public int Time { get; private set; }
    public bool HasAction { get; private set; }
    public ReadOnlySpan<int> Action => throw new NotImplementedException();
    public int NumPolicies => throw new NotImplementedException();
    public ReadOnlySpan<double> QPi => throw new NotImplementedException();
    public ReadOnlySpan<double> G => throw new NotImplementedException();
    public ReadOnlySpan<double> Utility => throw new NotImplementedException();
    public ReadOnlySpan<double> StateInfoGain => throw new NotImplementedException();
    public ReadOnlySpan<double> ParamInfoGain => throw new NotImplementedException();
    public ReadOnlySpan<double> PolicyF => throw new NotImplementedException();
    public ReadOnlySpan<double> PolicyProbabilities => throw new NotImplementedException();
    public int WindowLength => throw new NotImplementedException();
    public bool HasPB => throw new NotImplementedException();
    public void Reset() => Time = 0;
    public void CheckObservation(ReadOnlySpan<int> observation) => throw new NotImplementedException();
    public void CheckAction(ReadOnlySpan<int> action) => throw new NotImplementedException();
    public void InferStates(ReadOnlySpan<int> observation) => throw new NotImplementedException();
    public void InferPolicies() => throw new NotImplementedException();
    public ReadOnlySpan<int> SampleAction(ReadOnlySpan<int> imposed) => throw new NotImplementedException();
    public void UpdateLikelihood(ReadOnlySpan<int> observation) => throw new NotImplementedException();
    public void UpdateTransitions() => throw new NotImplementedException();
    public void UpdateInitialStatePrior() => throw new NotImplementedException();
    public ReadOnlySpan<double> Posterior(int factor) => throw new NotImplementedException();
    public ReadOnlySpan<double> ActionMarginal(int factor) => throw new NotImplementedException();
    public ReadOnlySpan<double> ActionProbabilities(int factor) => throw new NotImplementedException();
    public ReadOnlySpan<double> WindowPosterior(int policy, int step, int factor) => throw new NotImplementedException();
    public ReadOnlySpan<double> LatestBelief(int factor, int policy) => throw new NotImplementedException();
    public ReadOnlySpan<double> LikelihoodValues(int modality) => throw new NotImplementedException();
    public ReadOnlySpan<double> LikelihoodConcentrationValues(int modality) => throw new NotImplementedException();
    public double[] TransitionsPymdpLayout(int factor, bool concentration) => throw new NotImplementedException();
    public ReadOnlySpan<double> InitialStatePrior(int factor) => throw new NotImplementedException();
    public ReadOnlySpan<double> InitialStateConcentration(int factor) => throw new NotImplementedException();
}

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    public int WindowLength => _mmp?.Length ?? 1;

    public ReadOnlySpan<double> Posterior(int factor)
    {
        CheckFactor(factor);
        return _mmp is null ? _space.Factor(_qs, factor) : _mmp.CurrentPosterior(factor);
    }

    public ReadOnlySpan<double> ActionMarginal(int factor)
    {
        CheckFactor(factor);
        return _marginals.AsSpan(_controlOffset[factor], _numControls[factor]);
    }

    public ReadOnlySpan<double> ActionProbabilities(int factor)
    {
        CheckFactor(factor);
        return _actionProbs.AsSpan(_controlOffset[factor], _numControls[factor]);
    }

    public ReadOnlySpan<double> WindowPosterior(int policy, int step, int factor)
    {
        if (_mmp is null)
        {
            throw new InvalidOperationException("Window beliefs exist only for MMP agents; use Posterior(factor).");
        }

        CheckFactor(factor);
        ArgumentOutOfRangeException.ThrowIfNegative(policy);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy, _policyCount);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, _mmp.Length);
        return _mmp.Window(policy, step, factor);
    }

    public ReadOnlySpan<double> LatestBelief(int factor, int policy)
    {
        if (_mmp is null)
        {
            throw new InvalidOperationException("The window prior exists only for MMP agents.");
        }

        CheckFactor(factor);
        ArgumentOutOfRangeException.ThrowIfNegative(policy);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy, _policyCount);
        return _mmp.LatestBelief(factor, policy);
    }

    public ReadOnlySpan<double> LikelihoodValues(int modality)
    {
        CheckModality(modality);
        return _a[modality];
    }

    public ReadOnlySpan<double> LikelihoodConcentrationValues(int modality)
    {
        CheckModality(modality);
        return _pA is null ? [] : _pA[modality];
    }

    public double[] TransitionsPymdpLayout(int factor, bool concentration)
    {
        CheckFactor(factor);
        int ns = _space.Sizes[factor];
        int nc = _numControls[factor];
        var result = new double[ns * ns * nc];
        for (int u = 0; u < nc; u++)
        {
            double[] src = concentration ? _pB![factor][u] : _b[factor][u].Values;
            for (int i = 0; i < ns; i++)
            {
                for (int j = 0; j < ns; j++)
                {
                    result[(((i * ns) + j) * nc) + u] = src[(i * ns) + j];
                }
            }
        }

        return result;
    }

    public ReadOnlySpan<double> InitialStatePrior(int factor)
    {
        CheckFactor(factor);
        return _space.Factor(_d, factor);
    }

    public ReadOnlySpan<double> InitialStateConcentration(int factor)
    {
        CheckFactor(factor);
        return _pD is null ? [] : _space.Factor(_pD, factor);
    }

    private void CheckFactor(int factor)
    {
        if ((uint)factor >= (uint)_factors)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"The model has {_factors} factor(s).");
        }
    }

    private void CheckModality(int modality)
    {
        if ((uint)modality >= (uint)_modalities)
        {
            throw new ArgumentOutOfRangeException(nameof(modality), modality, $"The model has {_modalities} modalit(ies).");
        }
    }
}

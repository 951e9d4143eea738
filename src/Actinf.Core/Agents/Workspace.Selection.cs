using Actinf.Core.Kernels;

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    public ReadOnlySpan<int> SampleAction(ReadOnlySpan<int> imposed)
    {
        if (!_hasQPi)
        {
            throw new InvalidOperationException("No policy posterior yet: call InferPolicies (after InferStates) before selecting an action.");
        }

        ComputeMarginals();
        if (_o.SamplingMode == SamplingMode.Marginal)
        {
            for (int f = 0; f < _factors; f++)
            {
                ReadOnlySpan<double> marginal = _marginals.AsSpan(_controlOffset[f], _numControls[f]);
                if (_o.ActionSelection == ActionSelection.Deterministic)
                {
                    _action[f] = LogDomain.ArgMax(marginal);
                }
                else
                {
                    Span<double> probs = _actionProbs.AsSpan(_controlOffset[f], _numControls[f]);
                    PrecisionWeighted(marginal, probs);
                    _action[f] = Sample(probs);
                }
            }
        }
        else
        {
            int chosen;
            if (_o.ActionSelection == ActionSelection.Deterministic)
            {
                chosen = LogDomain.ArgMax(_qPi);
            }
            else
            {
                PrecisionWeighted(_qPi, _policyProbs);
                chosen = Sample(_policyProbs);
            }

            _policies.Actions(chosen, 0).CopyTo(_action);
        }

        if (!imposed.IsEmpty)
        {
            imposed.CopyTo(_action);
        }

        HasAction = true;
        Time++;
        _mmp?.AfterAction();
        History?.Record(this);
        return _action;
    }

    /// <summary>marginal_f[u] = Σ q(pi) over policies whose first action of factor f is u, normalised.</summary>
    private void ComputeMarginals()
    {
        Array.Clear(_marginals);
        for (int p = 0; p < _policyCount; p++)
        {
            ReadOnlySpan<int> first = _policies.Actions(p, 0);
            for (int f = 0; f < _factors; f++)
            {
                _marginals[_controlOffset[f] + first[f]] += _qPi[p];
            }
        }

        for (int f = 0; f < _factors; f++)
        {
            Span<double> marginal = _marginals.AsSpan(_controlOffset[f], _numControls[f]);
            LogDomain.Normalize(marginal, marginal);
        }
    }

    /// <summary>destination = softmax(alpha · ln_eps(p)).</summary>
    private void PrecisionWeighted(ReadOnlySpan<double> p, Span<double> destination)
    {
        Span<double> logits = _logScratch.AsSpan(0, p.Length);
        LogDomain.LogStable(p, logits);
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] *= _o.ActionPrecision;
        }

        LogDomain.Softmax(logits, destination);
    }

    private int Sample(ReadOnlySpan<double> probs)
    {
        double u = _rng.NextDouble();
        double cumulative = 0;
        for (int i = 0; i < probs.Length; i++)
        {
            cumulative += probs[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        // Rounding can leave the total a hair below 1: fall back to the last outcome with mass.
        for (int i = probs.Length - 1; i >= 0; i--)
        {
            if (probs[i] > 0)
            {
                return i;
            }
        }

        return probs.Length - 1;
    }
}

using Actinf.Core.Kernels;
using Actinf.Core.Learning;

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    public void UpdateLikelihood(ReadOnlySpan<int> observation)
    {
        if (_pA is null)
        {
            throw new InvalidOperationException("The model has no likelihood concentrations (pA): add pA to learn A.");
        }

        if (_mmp is not null)
        {
            throw new InvalidOperationException("Learning A is not defined for MMP agents (pymdp 0.0.7.1 has no policy-averaged update): use FPI (VANILLA).");
        }

        ReadOnlySpan<double> qx = JointBelief(_qs);

        double lr = _o.LikelihoodLearningRate;
        int s = _jointStates;
        IReadOnlyList<int>? learn = _o.ModalitiesToLearn;
        int count = learn?.Count ?? _modalities;
        for (int i = 0; i < count; i++)
        {
            int m = learn is null ? i : learn[i];
            int row = observation[m] * s;
            double[] pa = _pA[m];
            double[] a = _a[m];
            for (int j = 0; j < s; j++)
            {
                // Only outcomes the likelihood allows (A > 0) gain counts: structural zeros stay zero.
                if (a[row + j] > 0)
                {
                    pa[row + j] += lr * qx[j];
                }
            }
        }

        for (int m = 0; m < _modalities; m++)
        {
            Dirichlet.NormalizeColumns(_pA[m], _numObs[m], s, _a[m]);
        }

        _efe.Refresh();
        _parameterVersion++;
    }

    public void UpdateTransitions()
    {
        if (_pB is null)
        {
            throw new InvalidOperationException("The model has no transition concentrations (pB): add pB to learn B.");
        }

        if (_mmp is not null)
        {
            throw new InvalidOperationException("Learning B is not defined for MMP agents in pymdp 0.0.7.1: use FPI (VANILLA).");
        }

        if (!HasAction)
        {
            throw new InvalidOperationException("Learning B needs the action that led to the current belief: take an action first.");
        }

        double lr = _o.TransitionLearningRate;
        IReadOnlyList<int>? learn = _o.FactorsToLearn;
        int count = learn?.Count ?? _factors;
        for (int i = 0; i < count; i++)
        {
            int f = learn is null ? i : learn[i];
            int ns = _space.Sizes[f];
            int u = _action[f];
            double[] pb = _pB[f][u];
            double[] b = _b[f][u].Values;
            ReadOnlySpan<double> q = _space.Factor(_qs, f);
            ReadOnlySpan<double> prev = _space.Factor(_qsPrev, f);
            for (int r = 0; r < ns; r++)
            {
                for (int c = 0; c < ns; c++)
                {
                    if (b[(r * ns) + c] > 0)
                    {
                        pb[(r * ns) + c] += lr * (q[r] * prev[c]);
                    }
                }
            }
        }

        for (int f = 0; f < _factors; f++)
        {
            int ns = _space.Sizes[f];
            for (int u = 0; u < _numControls[f]; u++)
            {
                Dirichlet.NormalizeColumns(_pB[f][u], ns, ns, _b[f][u].Values);
                _b[f][u].Refresh();
            }
        }

        RefreshTransitionNovelty();
        _parameterVersion++;
    }

    public void UpdateInitialStatePrior()
    {
        if (_pD is null)
        {
            throw new InvalidOperationException("The model has no initial-state concentrations (pD): add pD to learn D.");
        }

        ReadOnlySpan<double> qs0;
        if (_mmp is not null)
        {
            qs0 = _mmp.InitialStateBelief();
        }
        else
        {
            if (!_hasQsFirst)
            {
                throw new InvalidOperationException("Learning D needs the first posterior of the run: call InferStates first.");
            }

            qs0 = _qsFirst;
        }

        double lr = _o.InitialStateLearningRate;
        IReadOnlyList<int>? learn = _o.FactorsToLearn;
        int count = learn?.Count ?? _factors;
        for (int i = 0; i < count; i++)
        {
            int f = learn is null ? i : learn[i];
            Span<double> pd = _space.Factor(_pD.AsSpan(), f);
            ReadOnlySpan<double> q = _space.Factor(qs0, f);
            for (int j = 0; j < pd.Length; j++)
            {
                if (pd[j] > 0)
                {
                    pd[j] += lr * q[j];
                }
            }
        }

        for (int f = 0; f < _factors; f++)
        {
            Span<double> d = _space.Factor(_d.AsSpan(), f);
            LogDomain.Normalize(_space.Factor(_pD, f), d);
        }
    }
}

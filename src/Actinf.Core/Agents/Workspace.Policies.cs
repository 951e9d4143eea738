using System.Numerics.Tensors;
using Actinf.Core.Kernels;

namespace Actinf.Core.Agents;

internal sealed partial class Workspace
{
    public void InferPolicies()
    {
        if (_mmp is not null)
        {
            _mmp.InferPolicies();
        }
        else
        {
            ScorePolicyTree();
        }

        _hasQPi = true;
    }

    /// <summary>FPI: roll each distinct policy prefix forward once and score it, then sum the scores along each policy.</summary>
    private void ScorePolicyTree()
    {
        int total = _space.TotalSize;
        _policyStepEvaluations += (long)_policyCount * _policyLength;
        bool reuse = _scoredStates is not null;
        bool rootUnchanged = reuse
            && _rootScoredValid
            && _rootScoredVersion == _parameterVersion
            && _qs.AsSpan().SequenceEqual(_rootScored);
        if (rootUnchanged)
        {
            // Same belief, same parameters: every predicted state and score, hence G and q(pi), is as it was.
            _policyNodesReused += _tree.NodeCount;
            return;
        }

        if (reuse)
        {
            _qs.AsSpan().CopyTo(_rootScored);
            _rootScoredValid = true;
            _rootScoredVersion = _parameterVersion;
        }

        for (int n = 0; n < _tree.NodeCount; n++)
        {
            int parent = _tree.Parent[n];
            ReadOnlySpan<double> prev = parent < 0 ? _qs : _nodeStates.AsSpan(parent * total, total);
            Span<double> cur = _nodeStates.AsSpan(n * total, total);
            ReadOnlySpan<int> actions = _tree.NodeActions(n);
            for (int f = 0; f < _factors; f++)
            {
                _b[f][actions[f]].Multiply(_space.Factor(prev, f), _space.Factor(cur, f));
            }

            if (reuse)
            {
                // A node's scores depend on its state, its predecessor's state (pB novelty) and the parameters.
                Span<double> scored = _scoredStates.AsSpan(n * total, total);
                bool unchanged = _scoredVersion![n] == _parameterVersion
                    && parent >= 0
                    && _nodeUnchanged![parent]
                    && cur.SequenceEqual(scored);
                _nodeUnchanged![n] = unchanged;
                if (unchanged)
                {
                    _policyNodesReused++;
                    continue;
                }

                cur.CopyTo(scored);
                _scoredVersion[n] = _parameterVersion;
            }

            _policyNodesScored++;
            ScoreStep(cur, n, _nodeUtility, _nodeInfoGain, _nodeLikelihoodNovelty);
            if (_wb is not null)
            {
                _nodeTransitionNovelty[n] = TransitionNovelty(cur, prev, actions);
            }
        }

        int t = _policyLength;
        for (int p = 0; p < _policyCount; p++)
        {
            ReadOnlySpan<int> path = _tree.Path.AsSpan(p * t, t);
            double utility = 0;
            double info = 0;
            double param = 0;
            if (_o.UseUtility)
            {
                for (int i = 0; i < t; i++)
                {
                    utility += _nodeUtility[path[i]];
                }
            }

            if (_o.UseStateInformationGain)
            {
                for (int i = 0; i < t; i++)
                {
                    info += _nodeInfoGain[path[i]];
                }
            }

            double g = utility + info;
            if (_o.UseParameterInformationGain)
            {
                if (_pA is not null)
                {
                    double pa = 0;
                    for (int m = 0; m < _modalities; m++)
                    {
                        for (int i = 0; i < t; i++)
                        {
                            pa += _nodeLikelihoodNovelty[(path[i] * _modalities) + m];
                        }
                    }

                    g += pa;
                    param += pa;
                }

                if (_wb is not null)
                {
                    double pb = 0;
                    for (int i = 0; i < t; i++)
                    {
                        pb += _nodeTransitionNovelty[path[i]];
                    }

                    g += pb;
                    param += pb;
                }
            }

            _g[p] = g;
            _utility[p] = utility;
            _infoGain[p] = info;
            _paramGain[p] = param;
            _policyLogits[p] = (g * _o.PolicyPrecision) + _lnE[p];
        }

        LogDomain.Softmax(_policyLogits, _qPi);
        CheckFinite(0, _qPi);
    }

    /// <summary>Scores one predicted factorised state into node slot <paramref name="slot"/>.</summary>
    private void ScoreStep(ReadOnlySpan<double> state, int slot, double[] utility, double[] infoGain, double[] likelihoodNovelty) =>
        ScoreStepInto(state, slot, slot, slot * _modalities, utility, infoGain, likelihoodNovelty);

    /// <summary>pB novelty of one step: <c>-Σ_f qs_f · (WB_f[u_f] · prev_f)</c>.</summary>
    private double TransitionNovelty(ReadOnlySpan<double> state, ReadOnlySpan<double> prev, ReadOnlySpan<int> actions)
    {
        double value = 0;
        for (int f = 0; f < _factors; f++)
        {
            int ns = _space.Sizes[f];
            double[] wb = _wb![f][actions[f]];
            ReadOnlySpan<double> before = _space.Factor(prev, f);
            Span<double> msg = _factorScratch.AsSpan(0, ns);
            for (int i = 0; i < ns; i++)
            {
                msg[i] = TensorPrimitives.Dot(wb.AsSpan(i * ns, ns), before);
            }

            value -= TensorPrimitives.Dot(_space.Factor(state, f), msg);
        }

        return value;
    }
}

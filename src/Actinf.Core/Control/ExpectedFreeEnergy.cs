using System.Numerics.Tensors;
using Actinf.Core.Kernels;
using Actinf.Core.Learning;

namespace Actinf.Core.Control;

/// <summary>
/// The terms of pymdp's (negative) expected free energy G for one predicted joint state distribution
/// q(s) = outer(qs_0, …, qs_F-1): expected utility, state information gain (spm_MDP_G) and pA novelty.
/// </summary>
/// <remarks>
/// <para>Everything that depends only on A and C is computed once per model (and again after learning
/// changes A), in <see cref="Refresh"/>:</para>
/// <list type="bullet">
/// <item>the joint outcome distribution of every state, <c>po_s = A[0][:, s] ⊗ … ⊗ A[M-1][:, s]</c>
/// (cached when states × joint outcomes ≤ <see cref="MaxCachedJointOutcomes"/>, else rebuilt per use);</item>
/// <item>its negative entropy <c>H[s] = po_s · ln(po_s + e^-16)</c> (spm_MDP_G's first term);</item>
/// <item>the expected utility of every state, <c>U[s] = Σ_m A[m][:, s] · ln_eps(softmax(C[m]))</c>, so the
/// utility of q is <c>q · U</c> (= Σ_m qo_m · lnC_m);</item>
/// <item>pA's novelty weights <c>WA_m = (1/Σ_o(pA_m + ε) - 1/(pA_m + ε)) · (pA_m &gt; 0)</c>.</item>
/// </list>
/// spm_MDP_G skips states with <c>q(s) &lt;= exp(-16)</c>, so sharp beliefs cost one row per state kept.
/// </remarks>
internal sealed class ExpectedFreeEnergy
{
    /// <summary>Largest states × joint outcomes for which the joint outcome table is kept (32 MB).</summary>
    public const long MaxCachedJointOutcomes = 4L << 20;

    private readonly StateSpace _space;
    private readonly int[] _numObs;
    private readonly int[] _obsOffset;
    private readonly double[][] _a;
    private readonly double[][]? _pA;
    private readonly double[] _lnC;
    private readonly double[]? _jointOutcomes;
    private readonly double[] _negEntropy;
    private readonly double[] _utility;
    private readonly double[][]? _wa;
    private readonly double[] _qo;
    private readonly double[] _scratch;
    private readonly double[] _po;
    private readonly double[] _modalityQo;
    private readonly double[] _modalityWq;

    /// <param name="space">The hidden-state layout.</param>
    /// <param name="numObs">Outcomes per modality.</param>
    /// <param name="likelihood">A per modality, row-major <c>[No_m, S]</c>; read, never written (the owner mutates it and calls <see cref="Refresh"/>).</param>
    /// <param name="likelihoodConcentration">pA per modality, or null (no novelty term).</param>
    /// <param name="logPreferences">ln_eps(softmax(C_m)) for all modalities, concatenated.</param>
    /// <param name="cacheTerms">Keep the per-state terms (else they are recomputed, by the same code, at every use).</param>
    public ExpectedFreeEnergy(StateSpace space, int[] numObs, double[][] likelihood, double[][]? likelihoodConcentration, double[] logPreferences, bool cacheTerms = true)
    {
        _space = space;
        _numObs = numObs;
        _a = likelihood;
        _pA = likelihoodConcentration;
        _lnC = logPreferences;
        _obsOffset = new int[numObs.Length];
        int joint = 1;
        int offset = 0;
        int maxObs = 0;
        for (int m = 0; m < numObs.Length; m++)
        {
            _obsOffset[m] = offset;
            offset += numObs[m];
            joint = checked(joint * numObs[m]);
            maxObs = Math.Max(maxObs, numObs[m]);
        }

        JointOutcomes = joint;
        int s = space.JointSize;
        CachesTerms = cacheTerms;
        if (cacheTerms && (long)s * joint <= MaxCachedJointOutcomes)
        {
            _jointOutcomes = new double[s * joint];
        }

        _negEntropy = new double[s];
        _utility = new double[s];
        _qo = new double[joint];
        _scratch = new double[joint];
        _po = new double[joint];
        _modalityQo = new double[maxObs];
        _modalityWq = new double[maxObs];
        if (likelihoodConcentration is not null)
        {
            _wa = new double[numObs.Length][];
            for (int m = 0; m < numObs.Length; m++)
            {
                _wa[m] = new double[numObs[m] * s];
            }
        }

        Refresh();
    }

    /// <summary>Number of joint outcomes, prod(No_m).</summary>
    public int JointOutcomes { get; }

    /// <summary>Whether the joint outcome table is cached (else rebuilt per state when needed).</summary>
    public bool CachesJointOutcomes => _jointOutcomes is not null;

    /// <summary>Whether per-state entropies and utilities are kept between uses.</summary>
    public bool CachesTerms { get; }

    /// <summary>Bytes held by the per-state caches.</summary>
    public long CacheBytes => CachesTerms ? 8L * ((_jointOutcomes?.Length ?? 0) + _negEntropy.Length + _utility.Length) : 0;

    /// <summary>Recomputes every per-state term from the current A, pA and C. Allocation-free.</summary>
    public void Refresh()
    {
        int s = _space.JointSize;
        if (CachesTerms)
        {
            for (int state = 0; state < s; state++)
            {
                Span<double> po = _jointOutcomes is null ? _po : _jointOutcomes.AsSpan(state * JointOutcomes, JointOutcomes);
                _negEntropy[state] = JointOutcomeAndNegEntropy(state, po);
                _utility[state] = StateUtility(state);
            }
        }

        if (_wa is not null && _pA is not null)
        {
            for (int m = 0; m < _numObs.Length; m++)
            {
                Dirichlet.NoveltyWeights(_pA[m], _numObs[m], s, _wa[m]);
            }
        }
    }

    /// <summary>Expected utility <c>Σ_s q(s)·U[s]</c>.</summary>
    public double Utility(ReadOnlySpan<double> jointBelief)
    {
        if (!CachesTerms)
        {
            for (int state = 0; state < _utility.Length; state++)
            {
                _utility[state] = StateUtility(state);
            }
        }

        return TensorPrimitives.Dot(jointBelief, _utility);
    }

    /// <summary>
    /// spm_MDP_G: <c>Σ_{s: q(s) &gt; e^-16} q(s)·H[s] - qo·ln_eps(qo)</c> with qo the joint outcome
    /// distribution over the kept states.
    /// </summary>
    public double StatesInformationGain(ReadOnlySpan<double> jointBelief)
    {
        double threshold = LogDomain.InformationGainEps;
        Span<double> qo = _qo;
        qo.Clear();
        double g = 0;
        for (int s = 0; s < jointBelief.Length; s++)
        {
            double w = jointBelief[s];
            if (w > threshold)
            {
                ReadOnlySpan<double> po;
                double negEntropy;
                if (_jointOutcomes is null)
                {
                    negEntropy = JointOutcomeAndNegEntropy(s, _po);
                    po = _po;
                }
                else
                {
                    po = _jointOutcomes.AsSpan(s * JointOutcomes, JointOutcomes);
                    negEntropy = _negEntropy[s];
                }

                TensorPrimitives.MultiplyAdd(po, w, qo, qo);
                g += w * negEntropy;
            }
        }

        LogDomain.LogStable(qo, _scratch);
        return g - TensorPrimitives.Dot(qo, _scratch);
    }

    /// <summary>pA novelty of one modality: <c>-qo_m · (WA_m · q)</c> with <c>qo_m = A_m · q</c>.</summary>
    public double LikelihoodNovelty(int modality, ReadOnlySpan<double> jointBelief)
    {
        double[] wa = _wa![modality];
        double[] a = _a[modality];
        int no = _numObs[modality];
        int s = _space.JointSize;
        for (int o = 0; o < no; o++)
        {
            _modalityQo[o] = TensorPrimitives.Dot(a.AsSpan(o * s, s), jointBelief);
            _modalityWq[o] = TensorPrimitives.Dot(wa.AsSpan(o * s, s), jointBelief);
        }

        return -TensorPrimitives.Dot(_modalityQo.AsSpan(0, no), _modalityWq.AsSpan(0, no));
    }

    /// <summary>Fills <paramref name="po"/> with the joint outcome distribution of a state and returns <c>po · ln(po + e^-16)</c>.</summary>
    private double JointOutcomeAndNegEntropy(int state, Span<double> po)
    {
        JointOutcome(state, po);
        TensorPrimitives.Add(po, LogDomain.InformationGainEps, _scratch);
        TensorPrimitives.Log(_scratch, _scratch);
        return TensorPrimitives.Dot(po, _scratch);
    }

    /// <summary><c>U[s] = Σ_m Σ_o A[m][o, s]·lnC_m[o]</c>.</summary>
    private double StateUtility(int state)
    {
        int s = _space.JointSize;
        double u = 0;
        for (int m = 0; m < _numObs.Length; m++)
        {
            double[] a = _a[m];
            int no = _numObs[m];
            int off = _obsOffset[m];
            double um = 0;
            for (int o = 0; o < no; o++)
            {
                um += a[(o * s) + state] * _lnC[off + o];
            }

            u += um;
        }

        return u;
    }

    /// <summary>po = A[0][:, s] ⊗ … ⊗ A[M-1][:, s], row-major (modality 0 slowest), multiplied left to right.</summary>
    private void JointOutcome(int state, Span<double> po)
    {
        int s = _space.JointSize;
        int len = 1;
        po[0] = 1.0;
        for (int m = 0; m < _numObs.Length; m++)
        {
            double[] a = _a[m];
            int no = _numObs[m];
            for (int i = len - 1; i >= 0; i--)
            {
                double v = po[i];
                for (int o = no - 1; o >= 0; o--)
                {
                    po[(i * no) + o] = v * a[(o * s) + state];
                }
            }

            len *= no;
        }
    }
}

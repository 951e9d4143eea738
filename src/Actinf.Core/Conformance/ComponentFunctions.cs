using System.Numerics.Tensors;
using Actinf.Core.Agents;
using Actinf.Core.Control;
using Actinf.Core.Inference;
using Actinf.Core.Kernels;
using Actinf.Core.Learning;
using Actinf.Core.Models;
using Actinf.Core.Tensors;
using Tensor = Actinf.Core.Tensors.Tensor;

namespace Actinf.Core.Conformance;

/// <summary>
/// The functions named by component fixtures (pymdp / SPM names), evaluated with the engine's kernels
/// where the engine has one (softmax, logs, FPI, MMP, spm_MDP_G, novelty weights, policy inference).
/// </summary>
internal static partial class ComponentFunctions
{
    public static Dictionary<string, object> Evaluate(string fn, FixtureInputs x) => fn switch
    {
        "softmax" => One("y", MapColumns(x.Tensor("x"), LogDomain.Softmax)),
        "spm_log" => One("y", Map(x.Tensor("x"), v => LogDomain.LogStable(v))),
        "norm_dist" => One("y", MapColumns(x.Tensor("x"), LogDomain.Normalize)),
        "spm_norm" => One("y", MapColumns(Map(x.Tensor("x"), v => v + LogDomain.Eps), LogDomain.Normalize)),
        "spm_wnorm" => One("y", WNorm(x.Tensor("x"), x.Number("eps", LogDomain.Eps))),
        "entropy" => One("h", Entropy(x.Tensor("p"), out Tensor? columns) is var h && columns is null ? h : columns),
        "kl_divergence" => One("kl", KlDivergence(x.Tensor("q"), x.Tensor("p"))),
        "calc_free_energy" => One("F", FreeEnergy(x)),
        "spm_betaln" => One("y", BetaLn(x.Tensor("z"))),
        "dirichlet_log_evidence" => DirichletLogEvidence(x),
        "spm_dot" => One("y", SpmDot(x.Tensor("X"), x.Tensors("xs"), x.Has("omit") ? x.Ints("omit") : [])),
        "spm_cross" => One("y", SpmCross(x.Tensors("xs"))),
        "dot_likelihood" => One("y", DotLikelihood(x.Tensor("A"), x.Tensor("o"))),
        "get_joint_likelihood" => One("y", JointLikelihoodTensor(x.Tensors("A"), x.Ints("obs"), x.Ints("num_states"))),
        "get_expected_states" => One("qs_pi", ExpectedStates(x.Tensors("qs"), x.Tensors("B"), x.IntTensor("policy"))),
        "get_expected_obs" => One("qo_pi", ExpectedObservations(x.TensorLists("qs_pi"), x.Tensors("A"))),
        "calc_expected_utility" => One("value", ExpectedUtility(x.TensorLists("qo_pi"), x.Tensors("C"))),
        "spm_MDP_G" => One("value", StatesInfoGain(x.Tensors("A"), [x.Tensors("x")])),
        "calc_states_info_gain" => One("value", StatesInfoGain(x.Tensors("A"), x.TensorLists("qs_pi"))),
        "calc_pA_info_gain" => One("value", LikelihoodInfoGain(x.Tensors("pA"), x.TensorLists("qo_pi"), x.TensorLists("qs_pi"))),
        "calc_pB_info_gain" => One("value", TransitionInfoGain(x.Tensors("pB"), x.TensorLists("qs_pi"), x.Tensors("qs_prev"), x.IntTensor("policy"))),
        "update_posterior_policies" => PosteriorPolicies(x),
        "construct_policies" => One("policies", ConstructPolicies(x.Ints("num_controls"), x.Int("policy_len"))),
        "action_marginals" => ActionMarginals(x),
        "sample_policy_deterministic" => SamplePolicy(x),
        "update_posterior_states" => One("qs", PosteriorStates(x)),
        "run_mmp" => RunMmp(x),
        "update_obs_likelihood_dirichlet" => One("qA", LikelihoodDirichlet(x)),
        "update_state_likelihood_dirichlet" => One("qB", TransitionDirichlet(x)),
        "update_state_prior_dirichlet" => One("qD", PriorDirichlet(x)),
        "average_states_over_policies" => One("qs_bma", AverageOverPolicies(x.TensorLists("qs_pi"), x.Tensor("q_pi"))),
        _ => throw new FormatException($"unknown function '{fn}'."),
    };

    private static Dictionary<string, object> One(string key, object value) => new() { [key] = value };

    private static Tensor Map(Tensor t, Func<double, double> f)
    {
        double[] d = t.ToArray();
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = f(d[i]);
        }

        return new Tensor(t.ShapeSpan, d);
    }

    private delegate void VectorMap(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Applies a vector map to every column (axis 0 for fixed trailing indices).</summary>
    private static Tensor MapColumns(Tensor t, VectorMap f)
    {
        int rows = t.ShapeSpan[0];
        int cols = t.Length / rows;
        var result = new double[t.Length];
        var column = new double[rows];
        var mapped = new double[rows];
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                column[r] = t.Span[(r * cols) + c];
            }

            f(column, mapped);
            for (int r = 0; r < rows; r++)
            {
                result[(r * cols) + c] = mapped[r];
            }
        }

        return new Tensor(t.ShapeSpan, result);
    }

    private static Tensor WNorm(Tensor t, double eps)
    {
        int rows = t.ShapeSpan[0];
        var y = new double[t.Length];
        Dirichlet.NoveltyWeightsUnmasked(t.Span, rows, t.Length / rows, eps, y);
        return new Tensor(t.ShapeSpan, y);
    }

    /// <summary>-p·ln_eps(p) for a vector; per column (returned in <paramref name="columns"/>) for a matrix.</summary>
    private static double Entropy(Tensor p, out Tensor? columns)
    {
        var ln = new double[p.Length];
        LogDomain.LogStable(p.Span, ln);
        columns = null;
        if (p.Rank == 1)
        {
            return -TensorPrimitives.Dot(p.Span, ln);
        }

        int rows = p.ShapeSpan[0];
        int cols = p.Length / rows;
        var h = new double[cols];
        for (int i = 0; i < p.Length; i++)
        {
            h[i % cols] -= p.Span[i] * ln[i];
        }

        columns = new Tensor(p.ShapeSpan[1..], h);
        return double.NaN;
    }

    private static double KlDivergence(Tensor q, Tensor p)
    {
        var lq = new double[q.Length];
        var lp = new double[p.Length];
        LogDomain.LogStable(q.Span, lq);
        LogDomain.LogStable(p.Span, lp);
        TensorPrimitives.Subtract(lq, lp, lq);
        return TensorPrimitives.Dot(q.Span, lq);
    }

    private static double FreeEnergy(FixtureInputs x)
    {
        Tensor[] qs = x.Tensors("qs");
        Tensor[] lp = x.Tensors("log_prior");
        StateSpace space = Space(qs);
        double[] flatQs = Flatten(qs);
        double fe = FixedPointIteration.FreeEnergyWithoutAccuracy(space, flatQs, Flatten(lp), new double[space.TotalSize]);
        if (x.Has("log_likelihood"))
        {
            var joint = new double[space.JointSize];
            JointTensor.Outer(space, flatQs, joint);
            fe -= TensorPrimitives.Dot(x.Tensor("log_likelihood").Span, joint);
        }

        return fe;
    }

    private static Tensor BetaLn(Tensor z)
    {
        if (z.Rank == 1)
        {
            // As SPM's spm_betaln for vectors: zero concentrations are dropped (Γ(0) is infinite).
            var kept = new List<double>();
            foreach (double v in z.Span)
            {
                if (v != 0)
                {
                    kept.Add(v);
                }
            }

            return Tensor.Vector([Dirichlet.LogBeta(kept.ToArray())]);
        }

        int rows = z.ShapeSpan[0];
        int cols = z.Length / rows;
        var y = new double[cols];
        var column = new double[rows];
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                column[r] = z.Span[(r * cols) + c];
            }

            y[c] = Dirichlet.LogBeta(column);
        }

        return new Tensor(z.ShapeSpan[1..], y);
    }

    private static Dictionary<string, object> DirichletLogEvidence(FixtureInputs x)
    {
        Tensor q = x.Tensor("q_dir");
        Tensor p = x.Tensor("p_dir");
        Tensor r = x.Tensor("r_dir");
        int rows = q.ShapeSpan[0];
        if (p.ShapeSpan[0] != rows || r.ShapeSpan[0] != rows)
        {
            throw new ArgumentException($"q_dir, p_dir and r_dir must have the same number of rows ({q.ShapeText}, {p.ShapeText}, {r.ShapeText}).");
        }

        int cq = q.Length / rows;
        int cp = p.Length / rows;
        int cr = r.Length / rows;
        int cols = Math.Max(cq, Math.Max(cp, cr));
        var s = new double[rows * cols];
        var f = new double[cols];
        var colQ = new double[rows];
        var colP = new double[rows];
        var colR = new double[rows];
        var colS = new double[rows];
        for (int c = 0; c < cols; c++)
        {
            for (int i = 0; i < rows; i++)
            {
                colQ[i] = q.Span[(i * cq) + (cq == 1 ? 0 : c)];
                colP[i] = p.Span[(i * cp) + (cp == 1 ? 0 : c)];
                colR[i] = r.Span[(i * cr) + (cr == 1 ? 0 : c)];
                colS[i] = (colQ[i] + colR[i]) - colP[i];
                s[(i * cols) + c] = colS[i];
            }

            f[c] = Dirichlet.LogBeta(colQ) + Dirichlet.LogBeta(colR) - Dirichlet.LogBeta(colP) - Dirichlet.LogBeta(colS);
        }

        return new Dictionary<string, object>
        {
            ["s_dir"] = new Tensor([rows, cols], s),
            ["F"] = Tensor.Vector(f),
        };
    }

    private static Tensor ConstructPolicies(int[] numControls, int policyLength)
    {
        PolicySet set = PolicySet.AllCombinations(numControls, policyLength);
        var data = new double[set.Span.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = set.Span[i];
        }

        return new Tensor([set.Count, set.Length, set.Factors], data);
    }

    private static StateSpace Space(Tensor[] factors)
    {
        var sizes = new int[factors.Length];
        for (int f = 0; f < factors.Length; f++)
        {
            sizes[f] = factors[f].Length;
        }

        return new StateSpace(sizes);
    }

    private static double[] Flatten(Tensor[] factors)
    {
        int total = 0;
        foreach (Tensor t in factors)
        {
            total += t.Length;
        }

        var flat = new double[total];
        int offset = 0;
        foreach (Tensor t in factors)
        {
            t.Span.CopyTo(flat.AsSpan(offset));
            offset += t.Length;
        }

        return flat;
    }

    private static List<Tensor> Split(StateSpace space, ReadOnlySpan<double> flat)
    {
        var list = new List<Tensor>(space.Factors);
        for (int f = 0; f < space.Factors; f++)
        {
            list.Add(Tensor.Vector(space.Factor(flat, f)));
        }

        return list;
    }
}

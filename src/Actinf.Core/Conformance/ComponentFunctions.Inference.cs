using System.Numerics.Tensors;
using Actinf.Core.Inference;
using Actinf.Core.Kernels;
using Actinf.Core.Tensors;
using Tensor = Actinf.Core.Tensors.Tensor;

namespace Actinf.Core.Conformance;

internal static partial class ComponentFunctions
{
    private static int[] StateSizes(Tensor[] a)
    {
        ReadOnlySpan<int> shape = a[0].ShapeSpan;
        return shape.Length == 1 ? [1] : shape[1..].ToArray();
    }

    private static double[] UniformFlat(StateSpace space)
    {
        var flat = new double[space.TotalSize];
        for (int f = 0; f < space.Factors; f++)
        {
            space.Factor(flat.AsSpan(), f).Fill(1.0 / space.Sizes[f]);
        }

        return flat;
    }

    private static List<Tensor> PosteriorStates(FixtureInputs x)
    {
        Tensor[] a = x.Tensors("A");
        var space = new StateSpace(StateSizes(a));
        double[] prior = x.Has("prior") ? Flatten(x.Tensors("prior")) : UniformFlat(space);
        var logPrior = new double[space.TotalSize];
        LogDomain.LogStable(prior, logPrior);
        double[] lnL = JointLikelihood(a, x.Ints("obs"));
        LogDomain.LogStable(lnL, lnL);
        var qs = new double[space.TotalSize];
        int maxStates = 0;
        foreach (int n in space.Sizes)
        {
            maxStates = Math.Max(maxStates, n);
        }

        FixedPointIteration.Run(space, lnL, logPrior, qs, x.Int("num_iter"), x.Number("dF"), x.Number("dF_tol"), new double[space.JointSize], new double[maxStates]);
        return Split(space, qs);
    }

    private static Dictionary<string, object> RunMmp(FixtureInputs x)
    {
        if (!x.Bool("grad_descent", true))
        {
            throw new ArgumentException("run_mmp with grad_descent = false is not implemented (no reference fixture defines it).");
        }

        Tensor[] a = x.Tensors("A");
        Tensor[] b = x.Tensors("B");
        var sizes = new int[b.Length];
        for (int f = 0; f < b.Length; f++)
        {
            sizes[f] = b[f].ShapeSpan[0];
        }

        var space = new StateSpace(sizes);
        int[][] obsSeq = x.IntLists("obs_seq");
        (int[] policyShape, int[] policy) = x.IntTensor("policy");
        int t = policyShape[0];
        int factors = policyShape[1];
        int[] past = [];
        if (x.Has("prev_actions"))
        {
            past = x.IntTensor("prev_actions").Data;
        }

        int k = obsSeq.Length;
        int s = space.JointSize;
        var likelihoods = new double[k * s];
        for (int i = 0; i < k; i++)
        {
            JointLikelihood(a, obsSeq[i]).CopyTo(likelihoods.AsSpan(i * s));
        }

        var transitions = new LinearOperator[factors][];
        var transposed = new LinearOperator[factors][];
        for (int f = 0; f < factors; f++)
        {
            int ns = sizes[f];
            int nc = b[f].ShapeSpan[2];
            transitions[f] = new LinearOperator[nc];
            transposed[f] = new LinearOperator[nc];
            for (int u = 0; u < nc; u++)
            {
                var op = new LinearOperator(ns, ns);
                for (int i = 0; i < ns * ns; i++)
                {
                    op.Values[i] = b[f].Span[(i * nc) + u];
                }

                op.Refresh();
                transitions[f][u] = op;
                transposed[f][u] = new LinearOperator(ns, ns);
                MarginalMessagePassing.TransposeNormalized(op, transposed[f][u]);
            }
        }

        int[] rows = [.. past, .. policy];
        double[] prior = x.Has("prior") ? Flatten(x.Tensors("prior")) : UniformFlat(space);
        int numIter = x.Int("num_iter");
        int length = x.Bool("last_timestep", false) ? k + t - 1 : k + t;
        int cut = k + t - 2;
        var qs = new double[length * space.TotalSize];
        bool record = x.Bool("with_iterations", false);
        double[] xn = record ? new double[numIter * space.TotalSize * length] : [];
        double[] vn = record ? new double[numIter * space.TotalSize * length] : [];
        double fe = MarginalMessagePassing.Run(
            space, likelihoods, k, transitions, transposed, rows, prior, numIter, x.Number("tau"), length, cut, qs, new MarginalMessagePassing.Scratch(space), xn, vn);

        var seq = new List<List<Tensor>>();
        for (int i = 0; i < length; i++)
        {
            seq.Add(Split(space, qs.AsSpan(i * space.TotalSize, space.TotalSize)));
        }

        var result = new Dictionary<string, object>
        {
            ["qs_seq"] = seq,
            ["F"] = fe,
            ["qs_last"] = seq[^1],
        };
        if (record)
        {
            result["xn"] = Iterations(space, xn, numIter, length);
            result["vn"] = Iterations(space, vn, numIter, length);
        }

        return result;
    }

    private static List<List<Tensor>> Iterations(StateSpace space, double[] record, int numIter, int length)
    {
        var result = new List<List<Tensor>>();
        for (int i = 0; i < numIter; i++)
        {
            var perFactor = new List<Tensor>();
            for (int f = 0; f < space.Factors; f++)
            {
                int offset = (i * space.TotalSize * length) + (space.Offsets[f] * length);
                perFactor.Add(new Tensor([space.Sizes[f], length], record.AsSpan(offset, space.Sizes[f] * length)));
            }

            result.Add(perFactor);
        }

        return result;
    }

    private static List<Tensor> LikelihoodDirichlet(FixtureInputs x)
    {
        Tensor[] pA = x.Tensors("pA");
        Tensor[] a = x.Tensors("A");
        int[] obs = x.Ints("obs");
        Tensor[] qs = x.Tensors("qs");
        double lr = x.Number("lr");
        int[]? modalities = x.Selection("modalities");
        StateSpace space = Space(qs);
        var joint = new double[space.JointSize];
        JointTensor.Outer(space, Flatten(qs), joint);
        var result = new List<Tensor>();
        for (int m = 0; m < pA.Length; m++)
        {
            double[] q = pA[m].ToArray();
            if (modalities is null || Array.IndexOf(modalities, m) >= 0)
            {
                int row = obs[m] * space.JointSize;
                for (int j = 0; j < space.JointSize; j++)
                {
                    if (a[m].Span[row + j] > 0)
                    {
                        q[row + j] += lr * joint[j];
                    }
                }
            }

            result.Add(new Tensor(pA[m].ShapeSpan, q));
        }

        return result;
    }

    private static List<Tensor> TransitionDirichlet(FixtureInputs x)
    {
        Tensor[] pB = x.Tensors("pB");
        Tensor[] b = x.Tensors("B");
        int[] actions = x.Ints("actions");
        Tensor[] qs = x.Tensors("qs");
        Tensor[] prev = x.Tensors("qs_prev");
        double lr = x.Number("lr");
        int[]? factors = x.Selection("factors");
        var result = new List<Tensor>();
        for (int f = 0; f < pB.Length; f++)
        {
            double[] q = pB[f].ToArray();
            if (factors is null || Array.IndexOf(factors, f) >= 0)
            {
                int ns = pB[f].ShapeSpan[0];
                int nc = pB[f].ShapeSpan[2];
                int u = actions[f];
                for (int i = 0; i < ns; i++)
                {
                    for (int j = 0; j < ns; j++)
                    {
                        int at = (((i * ns) + j) * nc) + u;
                        if (b[f].Span[at] > 0)
                        {
                            q[at] += lr * (qs[f].Span[i] * prev[f].Span[j]);
                        }
                    }
                }
            }

            result.Add(new Tensor(pB[f].ShapeSpan, q));
        }

        return result;
    }

    private static List<Tensor> PriorDirichlet(FixtureInputs x)
    {
        Tensor[] pD = x.Tensors("pD");
        Tensor[] qs = x.Tensors("qs");
        double lr = x.Number("lr");
        int[]? factors = x.Selection("factors");
        var result = new List<Tensor>();
        for (int f = 0; f < pD.Length; f++)
        {
            double[] q = pD[f].ToArray();
            if (factors is null || Array.IndexOf(factors, f) >= 0)
            {
                for (int j = 0; j < q.Length; j++)
                {
                    if (q[j] > 0)
                    {
                        q[j] += lr * qs[f].Span[j];
                    }
                }
            }

            result.Add(Tensor.Vector(q));
        }

        return result;
    }

    private static List<Tensor> AverageOverPolicies(Tensor[][] qsPi, Tensor qPi)
    {
        var result = new List<Tensor>();
        for (int f = 0; f < qsPi[0].Length; f++)
        {
            var avg = new double[qsPi[0][f].Length];
            for (int p = 0; p < qsPi.Length; p++)
            {
                TensorPrimitives.MultiplyAdd(qsPi[p][f].Span, qPi.Span[p], avg, avg);
            }

            result.Add(Tensor.Vector(avg));
        }

        return result;
    }
}

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

internal static partial class ComponentFunctions
{
    /// <summary>Contracts xs[i] with axis X.ndim - len(xs) + i unless i is omitted; other axes kept in order.</summary>
    private static Tensor SpmDot(Tensor x, Tensor[] xs, int[] omit)
    {
        int rank = x.Rank;
        int first = rank - xs.Length;
        var contracted = new int[rank];
        Array.Fill(contracted, -1);
        for (int i = 0; i < xs.Length; i++)
        {
            if (Array.IndexOf(omit, i) < 0)
            {
                contracted[first + i] = i;
            }
        }

        var keptShape = new List<int>();
        for (int a = 0; a < rank; a++)
        {
            if (contracted[a] < 0)
            {
                keptShape.Add(x.ShapeSpan[a]);
            }
        }

        int outSize = 1;
        foreach (int d in keptShape)
        {
            outSize *= d;
        }

        var result = new double[outSize];
        var index = new int[rank];
        ReadOnlySpan<int> shape = x.ShapeSpan;
        for (int flat = 0; flat < x.Length; flat++)
        {
            double w = x.Span[flat];
            int outIndex = 0;
            for (int a = 0; a < rank; a++)
            {
                if (contracted[a] >= 0)
                {
                    w *= xs[contracted[a]].Span[index[a]];
                }
                else
                {
                    outIndex = (outIndex * shape[a]) + index[a];
                }
            }

            result[outIndex] += w;
            for (int a = rank - 1; a >= 0; a--)
            {
                if (++index[a] < shape[a])
                {
                    break;
                }

                index[a] = 0;
            }
        }

        return keptShape.Count == 0 || outSize == 1 ? Tensor.Vector(result) : new Tensor(keptShape.ToArray(), result);
    }

    /// <summary>Outer product of all inputs (axes concatenated), size-1 axes dropped; a single input unchanged.</summary>
    private static Tensor SpmCross(Tensor[] xs)
    {
        if (xs.Length == 1)
        {
            return xs[0];
        }

        var shape = new List<int>();
        double[] data = [1.0];
        foreach (Tensor t in xs)
        {
            var next = new double[data.Length * t.Length];
            for (int i = 0; i < data.Length; i++)
            {
                for (int j = 0; j < t.Length; j++)
                {
                    next[(i * t.Length) + j] = data[i] * t.Span[j];
                }
            }

            data = next;
            foreach (int d in t.ShapeSpan)
            {
                if (d != 1)
                {
                    shape.Add(d);
                }
            }
        }

        return shape.Count == 0 ? Tensor.Vector(data) : new Tensor(shape.ToArray(), data);
    }

    private static Tensor DotLikelihood(Tensor a, Tensor o)
    {
        int rows = a.ShapeSpan[0];
        int cols = a.Length / rows;
        var y = new double[cols];
        for (int i = 0; i < rows; i++)
        {
            TensorPrimitives.MultiplyAdd(a.Span.Slice(i * cols, cols), o.Span[i], y, y);
        }

        return a.Rank == 1 ? Tensor.Vector(y) : new Tensor(a.ShapeSpan[1..], y);
    }

    private static double[] JointLikelihood(Tensor[] a, ReadOnlySpan<int> obs)
    {
        int s = a[0].Length / a[0].ShapeSpan[0];
        var l = new double[s];
        a[0].Span.Slice(obs[0] * s, s).CopyTo(l);
        for (int m = 1; m < a.Length; m++)
        {
            TensorPrimitives.Multiply(l, a[m].Span.Slice(obs[m] * s, s), l);
        }

        return l;
    }

    private static Tensor JointLikelihoodTensor(Tensor[] a, int[] obs, int[] numStates) => new(numStates, JointLikelihood(a, obs));

    /// <summary>B[:, :, u] · q for a pymdp-layout <c>[ns, ns, nc]</c> tensor.</summary>
    private static double[] Transition(Tensor b, int u, ReadOnlySpan<double> q)
    {
        int ns = b.ShapeSpan[0];
        int nc = b.ShapeSpan[2];
        var y = new double[ns];
        for (int i = 0; i < ns; i++)
        {
            double sum = 0;
            for (int j = 0; j < ns; j++)
            {
                sum += b.Span[(((i * ns) + j) * nc) + u] * q[j];
            }

            y[i] = sum;
        }

        return y;
    }

    private static List<List<Tensor>> ExpectedStates(Tensor[] qs, Tensor[] b, (int[] Shape, int[] Data) policy)
    {
        int steps = policy.Shape[0];
        int factors = policy.Shape[1];
        var result = new List<List<Tensor>>();
        Tensor[] prev = qs;
        for (int t = 0; t < steps; t++)
        {
            var next = new List<Tensor>();
            for (int f = 0; f < factors; f++)
            {
                next.Add(Tensor.Vector(Transition(b[f], policy.Data[(t * factors) + f], prev[f].Span)));
            }

            result.Add(next);
            prev = [.. next];
        }

        return result;
    }

    private static List<List<Tensor>> ExpectedObservations(Tensor[][] qsPi, Tensor[] a)
    {
        var result = new List<List<Tensor>>();
        foreach (Tensor[] step in qsPi)
        {
            StateSpace space = Space(step);
            var joint = new double[space.JointSize];
            JointTensor.Outer(space, Flatten(step), joint);
            var perModality = new List<Tensor>();
            foreach (Tensor am in a)
            {
                int no = am.ShapeSpan[0];
                var qo = new double[no];
                for (int o = 0; o < no; o++)
                {
                    qo[o] = TensorPrimitives.Dot(am.Span.Slice(o * space.JointSize, space.JointSize), joint);
                }

                perModality.Add(Tensor.Vector(qo));
            }

            result.Add(perModality);
        }

        return result;
    }

    private static double ExpectedUtility(Tensor[][] qoPi, Tensor[] c)
    {
        double value = 0;
        foreach (Tensor[] step in qoPi)
        {
            for (int m = 0; m < c.Length; m++)
            {
                var lnC = new double[c[m].Length];
                LogDomain.Softmax(c[m].Span, lnC);
                LogDomain.LogStable(lnC, lnC);
                value += TensorPrimitives.Dot(step[m].Span, lnC);
            }
        }

        return value;
    }

    private static double StatesInfoGain(Tensor[] a, Tensor[][] qsPi)
    {
        StateSpace space = Space(qsPi[0]);
        var numObs = new int[a.Length];
        var arrays = new double[a.Length][];
        int totalObs = 0;
        for (int m = 0; m < a.Length; m++)
        {
            numObs[m] = a[m].ShapeSpan[0];
            arrays[m] = a[m].ToArray();
            totalObs += numObs[m];
        }

        var efe = new ExpectedFreeEnergy(space, numObs, arrays, null, new double[totalObs]);
        var joint = new double[space.JointSize];
        double value = 0;
        foreach (Tensor[] step in qsPi)
        {
            JointTensor.Outer(space, Flatten(step), joint);
            value += efe.StatesInformationGain(joint);
        }

        return value;
    }

    private static double LikelihoodInfoGain(Tensor[] pA, Tensor[][] qoPi, Tensor[][] qsPi)
    {
        StateSpace space = Space(qsPi[0]);
        int s = space.JointSize;
        var joint = new double[s];
        double value = 0;
        for (int m = 0; m < pA.Length; m++)
        {
            int no = pA[m].ShapeSpan[0];
            var wa = new double[no * s];
            Dirichlet.NoveltyWeights(pA[m].Span, no, s, wa);
            for (int t = 0; t < qsPi.Length; t++)
            {
                JointTensor.Outer(space, Flatten(qsPi[t]), joint);
                double sum = 0;
                for (int o = 0; o < no; o++)
                {
                    sum += qoPi[t][m].Span[o] * TensorPrimitives.Dot(wa.AsSpan(o * s, s), joint);
                }

                value -= sum;
            }
        }

        return value;
    }

    private static double TransitionInfoGain(Tensor[] pB, Tensor[][] qsPi, Tensor[] qsPrev, (int[] Shape, int[] Data) policy)
    {
        int factors = policy.Shape[1];
        double value = 0;
        for (int t = 0; t < qsPi.Length; t++)
        {
            Tensor[] prev = t == 0 ? qsPrev : qsPi[t - 1];
            for (int f = 0; f < factors; f++)
            {
                int u = policy.Data[(t * factors) + f];
                int ns = pB[f].ShapeSpan[0];
                int nc = pB[f].ShapeSpan[2];
                var slice = new double[ns * ns];
                for (int i = 0; i < ns * ns; i++)
                {
                    slice[i] = pB[f].Span[(i * nc) + u];
                }

                var wb = new double[ns * ns];
                Dirichlet.NoveltyWeights(slice, ns, ns, wb);
                var msg = new double[ns];
                for (int i = 0; i < ns; i++)
                {
                    msg[i] = TensorPrimitives.Dot(wb.AsSpan(i * ns, ns), prev[f].Span);
                }

                value -= TensorPrimitives.Dot(qsPi[t][f].Span, msg);
            }
        }

        return value;
    }

    private static Dictionary<string, object> PosteriorPolicies(FixtureInputs x)
    {
        (int[] shape, int[] data) = x.IntTensor("policies");
        var policies = new PolicySet(shape[0], shape[1], shape[2], data);
        var model = new GenerativeModel(
            x.Tensors("A"),
            x.Tensors("B"),
            x.Tensors("C"),
            policyPrior: x.Has("E") ? x.Tensor("E") : null,
            policies: policies,
            likelihoodConcentration: x.Has("pA") ? x.Tensors("pA") : null,
            transitionConcentration: x.Has("pB") ? x.Tensors("pB") : null);
        var agent = new Agent(model, new AgentOptions
        {
            UseUtility = x.Bool("use_utility", true),
            UseStateInformationGain = x.Bool("use_states_info_gain", true),
            UseParameterInformationGain = x.Bool("use_param_info_gain", false),
            PolicyPrecision = x.Number("gamma", 16.0),
        });
        agent.SetPosterior(Flatten(x.Tensors("qs")));
        agent.InferPolicies();
        return new Dictionary<string, object>
        {
            ["q_pi"] = Tensor.Vector(agent.PolicyPosterior),
            ["G"] = Tensor.Vector(agent.NegativeExpectedFreeEnergy),
        };
    }

    private static Dictionary<string, object> ActionMarginals(FixtureInputs x)
    {
        Tensor qPi = x.Tensor("q_pi");
        (int[] shape, int[] data) = x.IntTensor("policies");
        int[] nc = x.Ints("num_controls");
        int steps = shape[1];
        int factors = shape[2];
        var marginals = new List<Tensor>();
        var action = new int[factors];
        var probs = new List<Tensor>();
        for (int f = 0; f < factors; f++)
        {
            var m = new double[nc[f]];
            for (int p = 0; p < shape[0]; p++)
            {
                m[data[p * steps * factors + f]] += qPi.Span[p];
            }

            LogDomain.Normalize(m, m);
            marginals.Add(Tensor.Vector(m));
            action[f] = LogDomain.ArgMax(m);
            if (x.Has("alpha"))
            {
                probs.Add(Tensor.Vector(PrecisionWeighted(m, x.Number("alpha"))));
            }
        }

        var result = new Dictionary<string, object> { ["marginals"] = marginals, ["action"] = action };
        if (x.Has("alpha"))
        {
            result["action_probs"] = probs;
        }

        return result;
    }

    private static Dictionary<string, object> SamplePolicy(FixtureInputs x)
    {
        Tensor qPi = x.Tensor("q_pi");
        (int[] shape, int[] data) = x.IntTensor("policies");
        int best = LogDomain.ArgMax(qPi.Span);
        int steps = shape[1];
        int factors = shape[2];
        var result = new Dictionary<string, object> { ["action"] = data.AsSpan(best * steps * factors, factors).ToArray() };
        if (x.Has("alpha"))
        {
            result["policy_probs"] = Tensor.Vector(PrecisionWeighted(qPi.Span, x.Number("alpha")));
        }

        return result;
    }

    private static double[] PrecisionWeighted(ReadOnlySpan<double> p, double alpha)
    {
        var logits = new double[p.Length];
        LogDomain.LogStable(p, logits);
        TensorPrimitives.Multiply(logits, alpha, logits);
        LogDomain.Softmax(logits, logits);
        return logits;
    }
}

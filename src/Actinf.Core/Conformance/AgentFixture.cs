using System.Text.Json;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Tensors;

namespace Actinf.Core.Conformance;

/// <summary>Runs the steps of an agent fixture: the ops in order, comparing what each op produces.</summary>
internal static class AgentFixture
{
    public static int Run(JsonElement root, string source, FixtureComparer comparer)
    {
        ModelDocument doc = ModelJson.Read(root.GetProperty("model"), "model");
        var agent = new Agent(doc.Model, doc.Options);
        bool mmp = doc.Options.Algorithm == InferenceAlgorithm.Mmp;
        bool spm = source == "spm";
        int steps = 0;
        foreach (JsonElement step in root.GetProperty("steps").EnumerateArray())
        {
            int t = step.TryGetProperty("t", out JsonElement tEl) ? tEl.GetInt32() : steps;
            string at = $"steps[{steps}] (t={t})";
            int[] obs = ReadInts(step.GetProperty("obs"));
            JsonElement expected = step.TryGetProperty("expected", out JsonElement ex) ? ex : default;
            JsonElement info = step.TryGetProperty("info", out JsonElement inf) ? inf : default;
            foreach (JsonElement opEl in step.GetProperty("ops").EnumerateArray())
            {
                string op = opEl.GetString() ?? string.Empty;
                switch (op)
                {
                    case "infer_states":
                        agent.InferStates(obs);
                        if (TryGet(expected, "qs", out JsonElement qs))
                        {
                            if (mmp)
                            {
                                comparer.Compare(qs, WindowBeliefs(agent, spm ? qs : default), $"{at}.qs");
                            }
                            else
                            {
                                comparer.Compare(qs, Beliefs(agent), $"{at}.qs");
                            }
                        }

                        if (TryGet(expected, "F", out JsonElement fe))
                        {
                            comparer.Compare(fe, Tensor.Vector(agent.PolicyFreeEnergy), $"{at}.F");
                        }

                        break;
                    case "update_A":
                        agent.UpdateLikelihood(obs);
                        if (TryGet(expected, "pA", out JsonElement pA))
                        {
                            var list = new List<Tensor>();
                            for (int m = 0; m < doc.Model.NumModalities; m++)
                            {
                                list.Add(new Tensor(doc.Model.Likelihood[m].ShapeSpan, agent.LikelihoodConcentration(m)));
                            }

                            comparer.Compare(pA, list, $"{at}.pA");
                        }

                        break;
                    case "update_B":
                        agent.UpdateTransitions();
                        if (TryGet(expected, "pB", out JsonElement pB))
                        {
                            var list = new List<Tensor>();
                            for (int f = 0; f < doc.Model.NumFactors; f++)
                            {
                                list.Add(new Tensor(doc.Model.Transitions[f].ShapeSpan, agent.TransitionConcentration(f)));
                            }

                            comparer.Compare(pB, list, $"{at}.pB");
                        }

                        break;
                    case "update_D":
                        agent.UpdateInitialStatePrior();
                        if (TryGet(expected, "pD", out JsonElement pD))
                        {
                            var list = new List<Tensor>();
                            for (int f = 0; f < doc.Model.NumFactors; f++)
                            {
                                list.Add(Tensor.Vector(agent.InitialStateConcentration(f)));
                            }

                            comparer.Compare(pD, list, $"{at}.pD");
                        }

                        break;
                    case "infer_policies":
                        agent.InferPolicies();
                        if (TryGet(expected, "q_pi", out JsonElement qPi))
                        {
                            comparer.Compare(qPi, Tensor.Vector(agent.PolicyPosterior), $"{at}.q_pi");
                        }

                        if (TryGet(expected, "G", out JsonElement g))
                        {
                            comparer.Compare(g, Tensor.Vector(agent.NegativeExpectedFreeEnergy), $"{at}.G");
                        }

                        break;
                    case "sample_action":
                        SampleAction(agent, doc, expected, info, at, comparer);
                        break;
                    default:
                        throw new FormatException($"{at}: unknown op '{op}'.");
                }
            }

            steps++;
        }

        return steps;
    }

    private static void SampleAction(Agent agent, ModelDocument doc, JsonElement expected, JsonElement info, string at, FixtureComparer comparer)
    {
        bool imposed = Flag(info, "action_sampled") || Flag(info, "action_tie");
        bool hasExpectedAction = TryGet(expected, "action", out JsonElement actionEl);
        if (imposed)
        {
            if (!hasExpectedAction)
            {
                throw new FormatException($"{at}: an imposed action needs expected.action.");
            }

            agent.ImposeAction(ReadInts(actionEl));
        }
        else
        {
            int[] action = agent.SampleAction().ToArray();
            if (hasExpectedAction)
            {
                int[] want = ReadInts(actionEl);
                if (!want.AsSpan().SequenceEqual(action))
                {
                    comparer.Fail($"{at}.action: expected [{string.Join(", ", want)}], chose [{string.Join(", ", action)}].");
                }
            }
        }

        int factors = doc.Model.NumFactors;
        if (TryGet(expected, "action_marginals", out JsonElement marginals))
        {
            comparer.Compare(marginals, PerFactor(factors, agent.ActionMarginal), $"{at}.action_marginals");
        }

        if (TryGet(expected, "action_probs", out JsonElement probs))
        {
            comparer.Compare(probs, PerFactor(factors, agent.ActionProbabilities), $"{at}.action_probs");
        }

        if (TryGet(expected, "policy_probs", out JsonElement policyProbs))
        {
            comparer.Compare(policyProbs, Tensor.Vector(agent.PolicyProbabilities), $"{at}.policy_probs");
        }

        if (TryGet(expected, "latest_belief", out JsonElement latest))
        {
            object actual;
            if (doc.Options.PolicySeparatedPrior)
            {
                var perPolicy = new List<object>();
                for (int p = 0; p < agent.NumPolicies; p++)
                {
                    int policy = p;
                    perPolicy.Add(PerFactor(factors, f => agent.LatestBelief(f, policy)));
                }

                actual = perPolicy;
            }
            else
            {
                actual = PerFactor(factors, f => agent.LatestBelief(f));
            }

            comparer.Compare(latest, actual, $"{at}.latest_belief");
        }
    }

    private delegate ReadOnlySpan<double> FactorVector(int factor);

    private static List<Tensor> PerFactor(int factors, FactorVector get)
    {
        var list = new List<Tensor>(factors);
        for (int f = 0; f < factors; f++)
        {
            list.Add(Tensor.Vector(get(f)));
        }

        return list;
    }

    private static List<Tensor> Beliefs(Agent agent) => PerFactor(agent.Model.NumFactors, agent.Posterior);

    /// <summary>MMP beliefs <c>[p][k][f]</c>; with an SPM expectation, only as many window steps as it lists.</summary>
    private static List<object> WindowBeliefs(Agent agent, JsonElement spmExpected)
    {
        var result = new List<object>();
        for (int p = 0; p < agent.NumPolicies; p++)
        {
            int steps = agent.WindowLength;
            if (spmExpected.ValueKind == JsonValueKind.Array && p < spmExpected.GetArrayLength())
            {
                steps = Math.Min(steps, spmExpected[p].GetArrayLength());
            }

            var window = new List<object>();
            for (int k = 0; k < steps; k++)
            {
                int policy = p;
                int step = k;
                window.Add(PerFactor(agent.Model.NumFactors, f => agent.WindowPosterior(policy, step, f)));
            }

            result.Add(window);
        }

        return result;
    }

    private static bool TryGet(JsonElement obj, string key, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out value);
    }

    private static bool Flag(JsonElement info, string key) =>
        TryGet(info, key, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    private static int[] ReadInts(JsonElement el)
    {
        if (el.ValueKind == JsonValueKind.Object)
        {
            return TensorJson.ReadInt(el, "ints").Data;
        }

        var result = new int[el.GetArrayLength()];
        int i = 0;
        foreach (JsonElement x in el.EnumerateArray())
        {
            result[i++] = x.GetInt32();
        }

        return result;
    }
}

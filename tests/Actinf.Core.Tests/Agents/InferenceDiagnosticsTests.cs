using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Kernels;

namespace Actinf.Core.Tests.Agents;

public sealed class InferenceDiagnosticsTests
{
    [Fact]
    public void FreeEnergyTrace_OneFactor_IsMinusLogEvidence()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "grid3x3_plen1.json"));
        var agent = new Agent(doc.Model, doc.Options);
        int[] obs = doc.Bench!.Observations[0].ToArray();

        agent.InferStates(obs);

        // F = -ln Σ_s exp(ln_eps L[s] + ln_eps D[s]), computed here from the model arrays.
        int s = doc.Model.NumJointStates;
        ReadOnlySpan<double> a = doc.Model.Likelihood[0].Span;
        ReadOnlySpan<double> d = doc.Model.InitialStatePrior[0].Span;
        double sum = 0;
        for (int j = 0; j < s; j++)
        {
            sum += Math.Exp(LogDomain.LogStable(a[(obs[0] * s) + j]) + LogDomain.LogStable(d[j]));
        }

        Assert.Equal(1, agent.FreeEnergyTrace.Length);
        Assert.Equal(-Math.Log(sum), agent.FreeEnergyTrace[0], 1e-10);
        Assert.Equal(1, agent.InferenceIterations);
    }

    [Fact]
    public void FreeEnergyTrace_SeveralFactors_EndsAtTheFreeEnergyOfThePosteriorAndExplainsTheStop()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "random_3f3m.json"));
        var agent = new Agent(doc.Model, doc.Options);
        int[] sizes = doc.Model.NumStates.ToArray();

        for (int i = 0; i < 10; i++)
        {
            int[] obs = doc.Bench!.Observations[i].ToArray();
            double[][] prior = new double[sizes.Length][];
            for (int f = 0; f < sizes.Length; f++)
            {
                prior[f] = agent.HasAction ? Transition(agent, f) : doc.Model.InitialStatePrior[f].ToArray();
            }

            agent.InferStates(obs);

            // F = Σ_f q_f·(ln_eps q_f - ln_eps p_f) - Σ_s ln_eps(L[s]) Π_f q_f[s_f], by brute force over joint states.
            double expected = 0;
            for (int f = 0; f < sizes.Length; f++)
            {
                ReadOnlySpan<double> q = agent.Posterior(f);
                for (int j = 0; j < sizes[f]; j++)
                {
                    expected += q[j] * (LogDomain.LogStable(q[j]) - LogDomain.LogStable(prior[f][j]));
                }
            }

            for (int s0 = 0; s0 < sizes[0]; s0++)
            {
                for (int s1 = 0; s1 < sizes[1]; s1++)
                {
                    for (int s2 = 0; s2 < sizes[2]; s2++)
                    {
                        double l = 1;
                        for (int m = 0; m < doc.Model.NumModalities; m++)
                        {
                            l *= doc.Model.Likelihood[m][obs[m], s0, s1, s2];
                        }

                        expected -= LogDomain.LogStable(l) * agent.Posterior(0)[s0] * agent.Posterior(1)[s1] * agent.Posterior(2)[s2];
                    }
                }
            }

            ReadOnlySpan<double> trace = agent.FreeEnergyTrace;
            Assert.Equal(agent.InferenceIterations + 1, trace.Length);
            Assert.Equal(expected, trace[^1], 1e-9);
            if (agent.InferenceIterations < doc.Options.NumIterations && trace.Length > 2)
            {
                Assert.True(Math.Abs(trace[^1] - trace[^2]) < doc.Options.FreeEnergyTolerance, $"step {i}: stopped early although F still moved");
            }

            agent.InferPolicies();
            agent.SampleAction();
        }

        Assert.Equal(0, agent.NonFiniteEvents);
    }

    private static double[] Transition(Agent agent, int factor)
    {
        int ns = agent.Model.NumStates[factor];
        int nc = agent.Model.NumControls[factor];
        double[] b = agent.Transitions(factor);
        ReadOnlySpan<double> q = agent.Posterior(factor);
        var next = new double[ns];
        for (int i = 0; i < ns; i++)
        {
            for (int j = 0; j < ns; j++)
            {
                next[i] += b[(((i * ns) + j) * nc) + agent.Action[factor]] * q[j];
            }
        }

        return next;
    }

    [Fact]
    public void FreeEnergyTrace_Mmp_IsMeanOfPolicyFreeEnergiesAtTheEnd()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "mmp_h3.json"));
        var agent = new Agent(doc.Model, doc.Options);

        agent.InferStates(doc.Bench!.Observations[0].Span);

        double mean = 0;
        foreach (double f in agent.PolicyFreeEnergy)
        {
            mean += f;
        }

        mean /= agent.NumPolicies;
        Assert.Equal(doc.Options.NumIterations, agent.FreeEnergyTrace.Length);
        Assert.Equal(mean, agent.FreeEnergyTrace[^1], 1e-9);
    }
}

// A language model as the researcher. It is shown ResearchPrompt, replies with JSON (ProposalSchema), and its
// reply is read and screened (ReplyReader). Calls that fail — rate limits, timeouts, server errors, refusals,
// truncated or malformed replies, replies with nothing usable — are tried again after an exponential, jittered
// pause (Polly), with what was wrong said back to the model, until the attempts or the money run out; then the
// generation's missing proposals come from TPE. A proposal's plug-ins are compiled (IPluginCompiler) and their
// errors sent back for a bounded number of repairs. Every call is accounted (tokens, cost); nothing a model
// replies can crash the lab.
using System.Diagnostics;
using Polly;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Retry;

namespace Successor.Research.LanguageModels;

public sealed class LanguageModelResearcher : IAccountedResearcher
{
    readonly LanguageModelSettings settings;
    readonly IChatBackend backend;
    readonly SearchSpace space;
    readonly IReadOnlyList<PluginPoint> points;
    readonly TpeResearcher fallback;

    public LanguageModelResearcher(LanguageModelSettings settings, IChatBackend backend, SearchSpace space,
        IReadOnlyList<PluginPoint> points)
    {
        (this.settings, this.backend, this.space, this.points) = (settings, backend, space, points);
        fallback = new TpeResearcher(space);
    }

    public string Name => settings.Name;

    public IReadOnlyList<Proposal> Propose(ResearchContext context, int count) =>
        Research(context, count, null).Proposals;

    public ResearchRound Research(ResearchContext context, int count, IPluginCompiler? compiler)
    {
        var round = new Round(this, context, count, compiler);
        round.Run();
        return round.Result();
    }

    /// <summary>One generation's conversation with the model and its accounts. Without a compiler no plug-in can
    /// be checked, so no extension point is offered.</summary>
    sealed class Round(LanguageModelResearcher r, ResearchContext context, int count, IPluginCompiler? compiler)
    {
        readonly IReadOnlyList<PluginPoint> points = compiler is null ? [] : r.points;
        readonly List<ResearchCall> calls = [];
        readonly List<GamingAttempt> gaming = [];
        readonly List<ChatTurn> turns = [];
        readonly ReplyReader reader = new(context.Champion, compiler is null ? [] : r.points, context.Target);
        readonly double allowance = Math.Min(r.settings.GenerationCap > 0 ? r.settings.GenerationCap : double.MaxValue,
            context.Budget?.SpendLeft ?? double.MaxValue);
        List<Proposal> accepted = [];
        string? stopped;
        int repairs;

        double Spent => calls.Sum(c => c.Cost);

        bool CanSpend => Spent < allowance;

        public void Run()
        {
            if (!CanSpend) { stopped = "no money left under the spending cap"; return; }
            var request = ResearchPrompt.Build(context, r.space, points, count);
            turns.AddRange(request.Turns);
            var reading = Ask(request.System, "propose");
            if (reading is null) return;
            accepted = [.. reading.Proposals];
            accepted = [.. accepted.Select(p => Checked(request.System, p)).OfType<Proposal>()];
        }

        public ResearchRound Result()
        {
            var proposals = accepted.Select((p, i) => p with { Id = $"p{i + 1}" }).ToList();
            string? why = proposals.Count >= count ? null
                : stopped ?? $"the model gave {proposals.Count} usable proposal(s) of {count}";
            if (why is not null)
            {
                var filler = r.fallback.Propose(context, count - proposals.Count);
                proposals.AddRange(filler.Select((p, i) => p with
                {
                    Id = $"p{proposals.Count + i + 1}", Rationale = $"TPE in place of the language model ({why}): " +
                        p.Rationale,
                }));
            }
            return new(proposals, calls, gaming, repairs, why);
        }

        /// <summary>Asks until a reply gives at least one usable proposal, within the attempts and the money;
        /// null when none did.</summary>
        ReplyReading? Ask(string system, string purpose)
        {
            ReplyReading? usable = null;
            int attempt = 0;
            var pipeline = Pipeline();
            pipeline.Execute(cancel =>
            {
                attempt++;
                var outcome = Call(new ChatRequest(system, [.. turns]), purpose, cancel);
                if (outcome.Reading is { Proposals.Count: > 0 } reading) usable = reading;
                return outcome.Retry && attempt < r.settings.MaxAttempts && CanSpend;
            }, CancellationToken.None);
            if (usable is null)
                stopped ??= calls.LastOrDefault() is { Outcome: "rejected" } rejected
                    ? $"the server rejected the request: {rejected.Detail}"
                    : attempt >= r.settings.MaxAttempts
                    ? $"no usable reply in {attempt} attempt(s)" : "no money left under the spending cap";
            return usable;
        }

        ResiliencePipeline<bool> Pipeline()
        {
            var builder = new ResiliencePipelineBuilder<bool>();
            if (r.settings.MaxAttempts > 1)
                builder.AddRetry(new RetryStrategyOptions<bool>
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result),
                    MaxRetryAttempts = r.settings.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(Math.Max(0, r.settings.RetryDelaySeconds)),
                    // Doubling stops at 32 times the first pause: a long run of failures waits minutes, not hours.
                    MaxDelay = TimeSpan.FromSeconds(Math.Max(0, r.settings.RetryDelaySeconds) * 32),
                });
            return builder.AddTimeout(TimeSpan.FromSeconds(Math.Clamp(r.settings.Chat.TimeoutSeconds, 0.01, 86400)))
                .Build();
        }

        /// <summary>One call: its reply read and screened, its cost recorded, and what to tell the model if it is
        /// asked again.</summary>
        (ReplyReading? Reading, bool Retry) Call(ChatRequest request, string purpose, CancellationToken cancel)
        {
            var clock = Stopwatch.StartNew();
            ChatReply reply;
            try { reply = r.backend.Complete(request, cancel); }
            catch (Exception e)
            {
                var failure = ChatFailure.From(e, 0, cancel.IsCancellationRequested);
                calls.Add(new(calls.Count + 1, purpose, Outcome(failure.Kind), 0, 0, 0, clock.Elapsed.TotalSeconds,
                    ReplyReader.Short(failure.Message)));
                return (null, failure.Retryable);
            }
            double cost = r.settings.Prices.Cost(reply.InputTokens, reply.OutputTokens);
            void Account(string outcome, string detail) => calls.Add(new(calls.Count + 1, purpose, outcome,
                reply.InputTokens, reply.OutputTokens, cost, clock.Elapsed.TotalSeconds, ReplyReader.Short(detail)));
            if (reply.Stop == ChatStop.Refused)
            {
                Account("refused", reply.Text.Length > 0 ? reply.Text : "the model refused");
                return (null, true);
            }
            if (reply.Stop == ChatStop.Truncated)
            {
                Account("truncated", $"cut off at {reply.OutputTokens} output tokens");
                Feedback(reply.Text, ["your reply was cut off at the token limit: reply again, shorter"]);
                return (null, true);
            }
            var reading = reader.Read(reply.Text, count);
            gaming.AddRange(reading.Gaming);
            string outcome = reading.Gaming.Count > 0 ? "gaming" : reading.Problems.Count > 0
                ? (reading.Proposals.Count > 0 ? "partial" : "malformed") : "ok";
            Account(outcome, string.Join("; ", reading.Gaming.Select(g => $"{g.Surface}: {g.Detail}")
                .Concat(reading.Problems).DefaultIfEmpty($"{reading.Proposals.Count} proposal(s)")));
            if (reading.Proposals.Count == 0)
                Feedback(reply.Text, [.. reading.Problems, .. reading.Gaming.Select(g =>
                    $"refused and recorded as an incident: {g.Detail} reaches {g.Surface}")]);
            return (reading, reading.Proposals.Count == 0);
        }

        /// <summary>The reply and what was wrong with it, so the next attempt can fix it; the problems quote the
        /// reply, so they go back as data.</summary>
        void Feedback(string reply, IReadOnlyList<string> problems)
        {
            turns.Add(ChatTurn.Assistant(reply.Length > 0 ? reply : "(empty reply)"));
            turns.Add(ChatTurn.User("That reply could not be used. What was wrong:\n" +
                DataQuote.Block(new JsonArray([.. problems.Select(p => (JsonNode)p)])) +
                "\nReply again with one JSON object only."));
        }

        /// <summary>The proposal with every plug-in compiled and its hash set on the point's recipe key, after at
        /// most max_repairs repairs of failing ones; null when a plug-in still fails.</summary>
        Proposal? Checked(string system, Proposal p)
        {
            if (p.Plugins.Count == 0 || compiler is null) return p.Plugins.Count == 0 ? p : null;
            for (int round = 0; ; round++)
            {
                var outcomes = p.Plugins.Select(x => (Plugin: x, Outcome: compiler.Compile(x))).ToList();
                var failed = outcomes.Where(x => !x.Outcome.Ok || x.Outcome.Hash is null).ToList();
                if (failed.Count == 0)
                    return p with
                    {
                        Overrides = [.. p.Overrides, .. outcomes.Select(x =>
                            $"{PluginPoint.RecipeKey(x.Plugin.Point)}={x.Outcome.Hash}")],
                    };
                if (round >= r.settings.MaxRepairs || !CanSpend) return null;
                repairs++;
                turns.Add(ChatTurn.Assistant(Json(p)));
                turns.Add(ChatTurn.User("A plug-in of that proposal failed to compile or failed its checks. " +
                    "The compiler's messages:\n" + DataQuote.Block(new JsonArray([.. failed.Select(f =>
                        (JsonNode)new JsonObject
                        {
                            ["point"] = f.Plugin.Point,
                            ["diagnostics"] = new JsonArray([.. f.Outcome.Diagnostics.Select(d => (JsonNode)d)]),
                        })])) +
                    "\nReply with one JSON object holding that one proposal, its plug-ins repaired."));
                if (Ask(system, $"repair {p.Id}") is not { Proposals: [var repaired, ..] }) return null;
                p = repaired with { Id = p.Id };
            }
        }

        /// <summary>A proposal as the reply that made it, for the conversation a repair continues.</summary>
        static string Json(Proposal p) => JsonSerializer.Serialize(new
        {
            proposals = new[]
            {
                new
                {
                    overrides = p.Overrides,
                    plugins = p.Plugins.Select(x => new { point = x.Point, source = x.Source }),
                    targets = p.Targets, rationale = p.Rationale,
                },
            },
        });

        static string Outcome(ChatFailureKind kind) => kind switch
        {
            ChatFailureKind.RateLimited => "rate-limited",
            ChatFailureKind.Timeout => "timeout",
            ChatFailureKind.ServerError => "server-error",
            ChatFailureKind.Unreachable => "unreachable",
            _ => "rejected",
        };
    }
}

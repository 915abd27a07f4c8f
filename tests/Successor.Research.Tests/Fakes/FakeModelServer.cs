// A local model server for tests (no network beyond the loopback): it speaks the OpenAI chat-completions protocol
// (POST /v1/chat/completions) and Anthropic's messages protocol (POST /v1/messages) with the response shapes those
// services send — usage, finish/stop reasons, refusals, error bodies for 429, 500 and 529 — and answers from a
// script. It bills every reply it sends with usage: input tokens by the request's size, output tokens by the
// reply's, and keeps the totals, so a test can hold the lab's cost ledger against what the server billed.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Successor.Research.Tests.Fakes;

public sealed class FakeModelServer : IDisposable
{
    readonly HttpListener listener = new();
    readonly Queue<ScriptedReply> script;
    readonly Func<string, ScriptedReply?>? responder;
    readonly ScriptedReply whenDone;
    readonly Task loop;
    readonly Lock gate = new();

    /// <summary>Serves `script` in order, then `whenDone` to every later call; `responder` (given the prompt's
    /// text) may answer first.</summary>
    public FakeModelServer(IEnumerable<ScriptedReply> script, ScriptedReply? whenDone = null,
        Func<string, ScriptedReply?>? responder = null)
    {
        this.script = new(script);
        this.whenDone = whenDone ?? ScriptedReply.Json("no more script");
        this.responder = responder;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The base URL an OpenAI-protocol client is given (it appends /chat/completions).</summary>
    public string OpenAiBase => $"http://127.0.0.1:{Port}/v1";

    /// <summary>The base URL an Anthropic client is given (it appends /v1/messages).</summary>
    public string AnthropicBase => $"http://127.0.0.1:{Port}";

    public List<(string Path, string Body, string Key)> Requests { get; } = [];

    public long BilledInputTokens { get; private set; }

    public long BilledOutputTokens { get; private set; }

    public int Calls { get; private set; }

    public double Billed(double inputPerMillion, double outputPerMillion) =>
        (BilledInputTokens * inputPerMillion + BilledOutputTokens * outputPerMillion) / 1e6;

    async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e)
                when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Answered on their own, so a slow reply the client gave up on does not hold up its next try.
            _ = Task.Run(async () =>
            {
                try { await Answer(context); }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
            });
        }
    }

    async Task Answer(HttpListenerContext context)
    {
        string body = await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync();
        string path = context.Request.Url!.AbsolutePath;
        string key = context.Request.Headers["x-api-key"]
            ?? context.Request.Headers["Authorization"]?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
        bool anthropic = path.EndsWith("/v1/messages", StringComparison.Ordinal);
        ScriptedReply reply;
        lock (gate)
        {
            Requests.Add((path, body, key));
            Calls++;
            reply = responder?.Invoke(body) ?? (script.Count > 0 ? script.Dequeue() : whenDone);
        }
        if (reply.DelayMilliseconds > 0) await Task.Delay(reply.DelayMilliseconds);
        var (status, json) = Shape(reply, anthropic, body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status == 429) context.Response.Headers["retry-after"] = "0";
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    (int Status, string Json) Shape(ScriptedReply reply, bool anthropic, string body)
    {
        switch (reply.Kind)
        {
            case ReplyKind.RateLimited:
                return (429, anthropic
                    ? AnthropicError("rate_limit_error", "Number of request tokens has exceeded your rate limit")
                    : OpenAiError("Rate limit reached for requests", "requests", "rate_limit_exceeded"));
            case ReplyKind.ServerError:
                return (500, anthropic ? AnthropicError("api_error", "Internal server error")
                    : OpenAiError("The server had an error while processing your request.", "server_error", null));
            case ReplyKind.Overloaded:
                return (529, AnthropicError("overloaded_error", "Overloaded"));
            case ReplyKind.Unauthorized:
                return (401, anthropic ? AnthropicError("authentication_error", "invalid x-api-key")
                    : OpenAiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
        }
        long input = Math.Max(1, body.Length / 4), output = Math.Max(1, reply.Text.Length / 4);
        lock (gate)
        {
            BilledInputTokens += input;
            BilledOutputTokens += output;
        }
        return (200, anthropic ? Anthropic(reply, input, output) : OpenAi(reply, input, output));
    }

    static string AnthropicError(string type, string message) => new JsonObject
    {
        ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
    }.ToJsonString();

    static string OpenAiError(string message, string type, string? code) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    }.ToJsonString();

    static string OpenAi(ScriptedReply reply, long input, long output)
    {
        bool refused = reply.Kind == ReplyKind.Refused;
        var message = new JsonObject
        {
            ["role"] = "assistant", ["content"] = refused ? null : reply.Text,
            ["refusal"] = refused ? reply.Text : null, ["annotations"] = new JsonArray(),
        };
        return new JsonObject
        {
            ["id"] = "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", ["object"] = "chat.completion", ["created"] = 1741570283,
            ["model"] = "gpt-4o-2024-08-06",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = message, ["logprobs"] = null,
                ["finish_reason"] = reply.Kind == ReplyKind.Truncated ? "length" : "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
                ["completion_tokens_details"] = new JsonObject
                {
                    ["reasoning_tokens"] = 0, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0,
                    ["rejected_prediction_tokens"] = 0,
                },
            },
            ["service_tier"] = "default", ["system_fingerprint"] = "fp_fc9f1d7035",
        }.ToJsonString();
    }

    static string Anthropic(ScriptedReply reply, long input, long output) => new JsonObject
    {
        ["id"] = "msg_013Zva2CMHLNnXjNJJKqJ2EF", ["type"] = "message", ["role"] = "assistant",
        ["model"] = "claude-sonnet-4-5-20250929",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Text }),
        ["stop_reason"] = reply.Kind switch
        {
            ReplyKind.Truncated => "max_tokens", ReplyKind.Refused => "refusal", _ => "end_turn",
        },
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject
        {
            ["input_tokens"] = input, ["cache_creation_input_tokens"] = 0, ["cache_read_input_tokens"] = 0,
            ["output_tokens"] = output, ["service_tier"] = "standard",
        },
    }.ToJsonString();

    /// <summary>The text of every message the lab sent in request `i` (system and turns), as one string.</summary>
    public string Prompt(int i) => string.Join("\n", Texts(JsonNode.Parse(Requests[i].Body)!));

    static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue(out string? s) => [s],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(x => x is null ? [] : Texts(x)),
        _ => [],
    };

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    /// <summary>JSON text of an object, for scripts.</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value);
}

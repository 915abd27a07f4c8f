// The "sandbox" key of lab.json: on by default, on or off only, documented in the template; and the sandbox
// a lab asks for can be built on this machine (the probe the lab runs once at start).
using Successor.Lab.Config;
using Successor.Lab.Sandbox;

namespace Successor.Lab.Tests.Sandbox;

public sealed class SandboxConfigTests
{
    [Fact]
    public void The_sandbox_is_on_by_default_and_the_template_says_what_off_means()
    {
        Assert.Equal("on", new LabConfig().Sandbox);
        string template = LabConfigJson.Template(new LabConfig());
        Assert.Contains("\"sandbox\": \"on\"", template);
        Assert.Contains("off: plain child processes", template);
        Assert.Equal("off", LabConfigJson.Parse("""{ "sandbox": "off" }""", "lab.json").Sandbox);
    }

    [Fact]
    public void A_sandbox_setting_other_than_on_or_off_is_refused_by_name()
    {
        var e = Assert.Throws<LabConfigException>(() => LabConfigJson.Parse("""{ "sandbox": "maybe" }""", "lab.json"));
        Assert.Equal("lab config lab.json: sandbox is \"maybe\"; use on or off", e.Message);
    }

    [Fact]
    public void The_sandbox_can_be_built_on_this_machine()
    {
        // bubblewrap is installed here (.ci/services.sh, ./successor); without it the lab refuses to start
        Assert.Null(WorkerSandbox.Unavailable());
    }
}

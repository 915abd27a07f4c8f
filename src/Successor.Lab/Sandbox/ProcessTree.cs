// The tasks (processes and threads) and resident memory of a process and all its descendants, read from
// /proc: what a sandboxed worker's whole tree consumes, which no per-process rlimit sees.
namespace Successor.Lab.Sandbox;

public readonly record struct ProcessTree(int Processes, int Tasks, long ResidentBytes)
{
    public static ProcessTree Of(int root)
    {
        var children = new Dictionary<int, List<int>>();
        var stats = new Dictionary<int, (int Threads, long Pages)>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // gone meanwhile
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields count from the last ')'
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length < 22) continue;
            int parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            stats[pid] = (int.Parse(fields[17], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(fields[21], System.Globalization.CultureInfo.InvariantCulture));
        }
        int processes = 0, tasks = 0;
        long pages = 0;
        var todo = new Stack<int>([root]);
        while (todo.Count > 0)
        {
            int pid = todo.Pop();
            if (!stats.TryGetValue(pid, out var s)) continue;
            processes++;
            tasks += s.Threads;
            pages += s.Pages;
            foreach (int child in children.GetValueOrDefault(pid) ?? []) todo.Push(child);
        }
        return new(processes, tasks, pages * Environment.SystemPageSize);
    }
}

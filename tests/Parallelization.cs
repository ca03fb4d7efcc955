// Every test builds its own inputs (no shared mutable state), so methods run in parallel.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

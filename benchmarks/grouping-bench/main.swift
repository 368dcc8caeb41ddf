import GroupingCore
print("benchmarks: not yet")

// One browser scenario at a time: two apps and two Chromiums at once on a 2-core machine (while the other test
// assembly runs too) made page loads slow enough to hit timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

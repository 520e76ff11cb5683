"""Execute: a request runs its route's compiled plan."""

"""Peer timing for the conic benchmark (src/bench/conic.ts): the perspective relaxation of path signal
estimation (AGH21 eq. (8), penalty form) solved by cvxopt's coneqp,

    min  sum y_i^2 + sum_i (-2 y_i x_i + s_i + mu z_i) + lambda sum_{i<n} (x_{i+1} - x_i)^2
    s.t. x_i^2 <= s_i z_i,  0 <= x_i <= u z_i,  0 <= z_i <= 1,   u = max_i y_i.

Input (stdin, JSON): {"y": [...], "lambda": float, "mu": float, "kktsolver": optional str}.
Output (stdout, JSON): status, objective (constant included), iterations, build and solve seconds,
the KKT solver used and the cvxopt version. The rotated cone x^2 <= s z is the second-order cone
||(2x, s - z)|| <= s + z. P, q, G, h are built sparse; cvxopt chooses how to factor the KKT system
(its default for problems with second-order cones is a dense Cholesky of order 3n).
"""
import json
import sys
import time


def main() -> int:
    try:
        import cvxopt
        from cvxopt import matrix, spmatrix, solvers
    except ImportError as e:  # the TypeScript side reports the skip
        print(json.dumps({"skipped": "cvxopt not importable: %s" % e}))
        return 0
    inp = json.load(sys.stdin)
    y = [float(v) for v in inp["y"]]
    lam = float(inp["lambda"])
    mu = float(inp["mu"])
    kkt = inp.get("kktsolver")
    n = len(y)
    u = max(y)
    t0 = time.perf_counter()
    X, Z, S = 0, n, 2 * n  # variable offsets: x, z, s
    # P = 2 lambda D'D on the x block (1/2 v'Pv = lambda sum (x_{i+1} - x_i)^2)
    pi, pj, pv = [], [], []
    for i in range(n):
        deg = (1 if i > 0 else 0) + (1 if i < n - 1 else 0)
        pi.append(X + i); pj.append(X + i); pv.append(2 * lam * deg)
        if i < n - 1:
            pi += [X + i, X + i + 1]; pj += [X + i + 1, X + i]; pv += [-2 * lam, -2 * lam]
    P = spmatrix(pv, pi, pj, (3 * n, 3 * n))
    q = matrix([-2 * yi for yi in y] + [mu] * n + [1.0] * n)
    gi, gj, gv = [], [], []
    hl = []
    r = 0
    # linear rows G v <= h: -x <= 0, -z <= 0, z <= 1, x - u z <= 0
    for i in range(n):
        gi += [r]; gj += [X + i]; gv += [-1.0]; hl.append(0.0); r += 1
        gi += [r]; gj += [Z + i]; gv += [-1.0]; hl.append(0.0); r += 1
        gi += [r]; gj += [Z + i]; gv += [1.0]; hl.append(1.0); r += 1
        gi += [r, r]; gj += [X + i, Z + i]; gv += [1.0, -u]; hl.append(0.0); r += 1
    # second-order cones: h - G v = (s + z, s - z, 2x)
    for i in range(n):
        gi += [r, r]; gj += [S + i, Z + i]; gv += [-1.0, -1.0]; hl.append(0.0); r += 1
        gi += [r, r]; gj += [S + i, Z + i]; gv += [-1.0, 1.0]; hl.append(0.0); r += 1
        gi += [r]; gj += [X + i]; gv += [-2.0]; hl.append(0.0); r += 1
    G = spmatrix(gv, gi, gj, (r, 3 * n))
    h = matrix(hl)
    dims = {"l": 4 * n, "q": [3] * n, "s": []}
    build = time.perf_counter() - t0
    solvers.options["show_progress"] = False
    t1 = time.perf_counter()
    c1 = time.process_time()
    sol = solvers.coneqp(P, q, G, h, dims, kktsolver=kkt) if kkt else solvers.coneqp(P, q, G, h, dims)
    solve = time.perf_counter() - t1
    solve_cpu = time.process_time() - c1
    obj = sol["primal objective"]
    print(json.dumps({
        "status": sol["status"],
        "objective": (obj + sum(v * v for v in y)) if obj is not None else None,
        "iterations": sol["iterations"],
        "buildSeconds": build,
        "solveSeconds": solve,
        "solveCpuSeconds": solve_cpu,
        "kktsolver": kkt or "default",
        "cvxopt": cvxopt.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Static weapon-target assignment: problem, instance files, and greedy, heuristic and exact solvers."""

from airshield.wta.bruteforce import BruteForceSolver
from airshield.wta.exact import ExactSolver
from airshield.wta.greedy import GreedySolver
from airshield.wta.heuristic import HeuristicSolver
from airshield.wta.instances import FAMILIES, generate, read_instance, write_instance
from airshield.wta.problem import Solution, WtaProblem
from airshield.wta.registry import SOLVER_NAMES, solver_by_name
from airshield.wta.solver import WtaSolver

__all__ = ["BruteForceSolver", "FAMILIES", "ExactSolver", "GreedySolver", "HeuristicSolver", "SOLVER_NAMES", "Solution",
           "WtaProblem", "WtaSolver", "generate", "read_instance", "solver_by_name", "write_instance"]

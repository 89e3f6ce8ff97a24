"""Planning: where to put fire units (placement), how long stocks last (campaign), what a budget buys
(procurement). Every planner calls the whole simulation flow on changed scenario documents.

Import from the submodules: ``airshield.planning.placement.plan_placement``,
``airshield.planning.campaign.run_campaign``, ``airshield.planning.procurement.plan_procurement``.
"""

META
key;value
description;"Park; playground and paths"
budget;100
vote_type;cumulative
max_sum_points;10
PROJECTS
project_id;cost;name
A;60;"The ""green"" park"
B;50;Paths
C;40;Benches
VOTES
voter_id;vote;points
v1;A,B;6,4
v2;C;10
v3;B,C,A;5,3,2

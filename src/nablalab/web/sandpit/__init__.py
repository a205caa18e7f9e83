"""The Sandpit game's records: games in play (the hidden floor stays on the server) and each
learner's best score per variant, with the leaderboards."""

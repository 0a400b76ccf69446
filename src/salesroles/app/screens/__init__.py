"""One module per screen or dialog. Screens show query results and post messages
(``salesroles.app.messages``); they never import each other or the app."""

// Optional: refreshes the status page from status.json every 30 seconds. The page is complete without it.
// Every text from the server goes in with textContent, never as markup.
(function () {
  "use strict";
  function age(seconds) {
    if (seconds === null || seconds === undefined) return "not yet";
    var s = Math.round(seconds);
    if (s < 120) return s + " s ago";
    if (s < 7200) return Math.round(s / 60) + " min ago";
    return Math.round(s / 3600) + " h ago";
  }
  function summary(server) {
    if (server.state === "pending") return "checking";
    if (server.state === "down") return "down";
    return server.players === null ? "up" : server.players + " online";
  }
  function refresh() {
    fetch("status.json", { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (status) {
      document.querySelectorAll("tr[data-server]").forEach(function (row) {
        var server = status.servers[row.dataset.server];
        if (!server || !Object.prototype.hasOwnProperty.call(status.servers, row.dataset.server)) return;
        row.className = server.state;
        row.querySelector(".state").textContent = summary(server);
        var players = row.querySelector(".players");
        players.textContent = server.players === null ? "?" : String(server.players);
        if (server.ships.length > 0) {
          var list = document.createElement("div");
          list.className = "ships";
          server.ships.forEach(function (ship) {
            var line = document.createElement("div");
            line.className = "ship";
            line.textContent = ship.name + ": " + (ship.players === null ? "?" : ship.players);
            list.appendChild(line);
          });
          players.appendChild(list);
        }
        row.querySelector(".since").textContent = server.since === null ? "" : server.since.replace("T", " ").replace(/\.\d+Z$/, "Z");
        row.querySelector(".age").textContent = age(server.last_check_age_seconds);
      });
      document.getElementById("generated").textContent = status.generated.replace("T", " ").replace(/\.\d+Z$/, "Z");
      document.body.dataset.refreshed = "yes";
    }).catch(function () { /* keep what the page shows */ });
  }
  refresh();
  setInterval(refresh, 30000);
})();

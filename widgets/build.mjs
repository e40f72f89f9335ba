console.log("widgets: nothing to build yet")

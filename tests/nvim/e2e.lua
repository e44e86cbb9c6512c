-- End-to-end test of the copydesk Neovim plugin (editors/nvim) in a real Neovim, set up exactly
-- as the README's init.lua (tests/nvim/init.lua) sets it up. tests/it/neovim.rs runs it as
--
--   HOME=<scratch, where ~/copydesk is this repository> PATH=<folder of copydesk>:$PATH \
--     nvim --headless -u tests/nvim/init.lua -i NONE -n -c "luafile tests/nvim/e2e.lua"
--
-- Exits 0 after printing "nvim e2e: N checks passed" to stdout; on any failed check, Lua error
-- or timeout it prints "nvim e2e: FAILED: ..." to stderr and exits 1. Written for Neovim 0.7
-- (no vim.lsp.start, no vim.fs) and kept working on later versions.

local TIMEOUT_MS = 20000 -- for each wait on the server
local OVERALL_TIMEOUT_MS = 45000 -- the whole script; the Rust test kills Neovim at 60 s

local uv = vim.uv or vim.loop
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local checks = 0
local finished = false

local function out(text)
  io.stdout:write(text .. "\n")
  io.stdout:flush()
end

local function err(text)
  io.stderr:write(text .. "\n")
  io.stderr:flush()
end

local function check(ok, what, detail)
  if not ok then
    error("check failed: " .. what .. (detail and ("\n" .. detail) or ""), 0)
  end
  checks = checks + 1
end

local function show(value)
  return vim.inspect(value)
end

-- A last resort: if the script is stuck (a wait that never ends), fail instead of hanging.
local watchdog = uv.new_timer()
watchdog:start(OVERALL_TIMEOUT_MS, 0, function()
  if finished then
    return
  end
  err(string.format("nvim e2e: FAILED: timed out after %d ms (%d checks had passed)", OVERALL_TIMEOUT_MS, checks))
  vim.schedule(function()
    vim.cmd("cquit 1")
  end)
  uv.new_timer():start(5000, 0, function()
    os.exit(1)
  end)
end)

---------------------------------------------------------------------------------------------
-- Helpers

-- Clients attached to a buffer, on 0.7 (get_active_clients without filter) and later.
local function copydesk_clients(bufnr)
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local found = {}
  for _, client in pairs(all) do
    if client.name == "copydesk" and (bufnr == nil or vim.lsp.buf_is_attached(bufnr, client.id)) then
      table.insert(found, client)
    end
  end
  return found
end

-- copydesk's diagnostics as sorted "code line:col-line:col" strings (0-based lines, byte columns,
-- as vim.diagnostic stores them after converting from the client's offset encoding).
local function diagnostics_of(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "copydesk" then
      table.insert(found, string.format("%s %d:%d-%d:%d", tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col))
    end
  end
  table.sort(found)
  return found
end

local function wait_for_diagnostics(bufnr, expected, what)
  table.sort(expected)
  local ok = vim.wait(TIMEOUT_MS, function()
    return vim.deep_equal(diagnostics_of(bufnr), expected)
  end, 20)
  check(
    ok,
    what,
    string.format(
      "  expected (after waiting %d ms): %s\n  got: %s\n  buffer:\n    %s",
      TIMEOUT_MS,
      show(expected),
      show(diagnostics_of(bufnr)),
      table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n    ")
    )
  )
end

-- The one response of copydesk to a request, or a failed check.
local function request(bufnr, client, method, params)
  local responses, request_err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT_MS)
  check(responses ~= nil, method .. " answered", "  error: " .. tostring(request_err))
  local response = responses[client.id]
  check(response ~= nil, method .. " answered by copydesk", "  responses: " .. show(responses))
  check(response.error == nil, method .. " without error", "  error: " .. show(response.error))
  return response.result
end

-- Asks for code actions at the cursor and applies the quick fix whose title contains `title`.
local function apply_quickfix(bufnr, client, row, col, title)
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  -- copydesk does not read context.diagnostics; it finds the findings under the range itself.
  params.context = { diagnostics = {}, only = { "quickfix" } }
  local actions = request(bufnr, client, "textDocument/codeAction", params) or {}
  local chosen
  for _, action in ipairs(actions) do
    if action.kind == "quickfix" and action.edit and action.title:find(title, 1, true) then
      chosen = action
    end
  end
  check(chosen ~= nil, "a quickfix titled ..." .. title .. "...", "  actions: " .. show(actions))
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
end

local function line(bufnr, row)
  return vim.api.nvim_buf_get_lines(bufnr, row, row + 1, true)[1]
end

local function write_file(path, text)
  local file = assert(io.open(path, "wb"))
  file:write(text)
  file:close()
end

---------------------------------------------------------------------------------------------
-- The test

local function main()
  local bin = os.getenv("COPYDESK_BIN")
  check(bin ~= nil and bin ~= "", "COPYDESK_BIN is set to the copydesk binary")
  check(vim.fn.executable(bin) == 1, "COPYDESK_BIN is executable", "  COPYDESK_BIN=" .. bin)
  -- The README's init.lua relies on `copydesk` being on PATH: the test puts it there.
  check(
    vim.fn.exepath("copydesk") == vim.fn.resolve(bin) or vim.fn.exepath("copydesk") == bin,
    "`copydesk` on PATH is the binary under test",
    "  exepath: " .. vim.fn.exepath("copydesk") .. "\n  COPYDESK_BIN: " .. bin
  )

  -- The plugin was loaded by the README's init.lua, from this repository's editors/nvim.
  local copydesk = package.loaded["copydesk"]
  check(copydesk ~= nil, "init.lua loaded require('copydesk')")
  local plugin_file = debug.getinfo(copydesk.setup, "S").source:sub(2)
  local plugin_dir = vim.fn.fnamemodify(plugin_file, ":p:h:h:h")
  check(
    vim.fn.resolve(plugin_file) == vim.fn.resolve(script_dir .. "/../../editors/nvim/lua/copydesk/init.lua"),
    "the plugin is editors/nvim/lua/copydesk/init.lua of this repository",
    "  loaded from " .. plugin_file
  )
  check(
    #vim.api.nvim_get_runtime_file("lsp/copydesk.lua", false) == 1,
    "lsp/copydesk.lua is on the runtimepath",
    "  runtimepath: " .. vim.o.runtimepath
  )
  local shape = dofile(vim.api.nvim_get_runtime_file("lsp/copydesk.lua", false)[1])
  check(
    vim.deep_equal(shape.cmd, { "copydesk" })
      and vim.deep_equal(shape.filetypes, { "markdown", "text" })
      and type(shape.root_markers) == "table"
      and type(shape.settings) == "table"
      and shape.settings.copydesk ~= nil,
    "lsp/copydesk.lua has the shape vim.lsp.config expects",
    "  got " .. show(shape)
  )

  -- :help copydesk, after generating the help tags as a plugin manager does.
  vim.cmd("helptags " .. vim.fn.fnameescape(plugin_dir .. "/doc"))
  for _, tag in ipairs({ "copydesk", "copydesk.setup()", "copydesk-settings", "copydesk-lsp-config" }) do
    local ok, help_err = pcall(vim.cmd, "help " .. tag)
    check(ok, ":help " .. tag .. " resolves", "  " .. tostring(help_err))
    check(
      vim.bo.buftype == "help" and vim.fn.expand("%:t") == "copydesk.txt",
      ":help " .. tag .. " opens copydesk.txt",
      "  opened " .. vim.fn.expand("%:p")
    )
    vim.cmd("helpclose")
  end

  -- Neovim turns these on by default with an init file; harmless when already on.
  vim.cmd("filetype on")
  vim.cmd("syntax on")

  -- The fixture draft, copied into a folder whose name has a space and an accent, as
  -- journalists' folders have: the file URI must survive the round trip through the server
  -- for quick fixes to land in the right buffer. Its front matter dates it 2022-02-28.
  local dir = vim.fn.tempname() .. "/copydesk e2e été"
  vim.fn.mkdir(dir, "p")
  local draft = dir .. "/draft.md"
  -- Curly quotes are 3 bytes in UTF-8 and 1 unit in UTF-16: the quote line checks that the
  -- server and Neovim agree on the position encoding.
  write_file(draft, table.concat(vim.fn.readfile(script_dir .. "/draft.md", "b"), "\n"))
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "markdown", "draft.md has filetype markdown", "  got " .. vim.bo[buf].filetype)
  check(line(buf, 4) == "The invasion began on Thursday. Turnout rose to 12%.", "the fixture is as expected", "  line 5: " .. line(buf, 4))

  -- get_active_clients lists a client only once it has initialized.
  local attached = {}
  vim.wait(TIMEOUT_MS, function()
    attached = copydesk_clients(buf)
    return #attached > 0
  end, 20)
  check(#attached == 1, "one initialized copydesk client attached to the draft", "  got " .. #attached)
  local client = attached[1]
  check(vim.deep_equal(client.config.cmd, { "copydesk" }), "the client runs `copydesk` from PATH", "  cmd: " .. show(client.config.cmd))
  check(
    client.config.settings.copydesk.rules["unsourced-figure"] == "information"
      and client.config.init_options.rules["unsourced-figure"] == "information",
    "init.lua's settings are passed as settings.copydesk and init_options",
    "  settings: " .. show(client.config.settings) .. "\n  init_options: " .. show(client.config.init_options)
  )

  wait_for_diagnostics(buf, {
    "relative-date 4:22-4:30", -- Thursday
    "unsourced-figure 4:48-4:51", -- 12%
    "unattributed-quote 6:0-6:43", -- the whole quote, curly quotes included (3 bytes each)
    "relative-date 6:30-6:39", -- this year
  }, "diagnostics for the opened draft")
  check(client.offset_encoding == "utf-16" or client.offset_encoding == "utf-8" or client.offset_encoding == "utf-32",
    "client has an offset encoding", "  got " .. tostring(client.offset_encoding))
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "relative-date" and d.lnum == 4 then
      check(d.message:find("Feb. 24", 1, true) ~= nil, "the Thursday diagnostic names Feb. 24", "  message: " .. d.message)
    end
    if d.code == "unsourced-figure" then
      check(
        d.severity == vim.diagnostic.severity.INFO,
        "the unsourced figure is information, as init.lua's settings ask",
        "  severity: " .. tostring(d.severity)
      )
    end
  end

  -- The publication date in use, as the status bar of the VS Code extension shows it.
  local uri = vim.uri_from_bufnr(buf)
  local answer = client.request_sync("copydesk/publicationDate", { textDocument = { uri = uri } }, TIMEOUT_MS, buf)
  check(answer ~= nil and answer.err == nil, "copydesk/publicationDate answered", "  answer: " .. show(answer))
  check(
    answer.result.date == "2022-02-28" and answer.result.source == "frontMatter",
    "the publication date comes from the front matter",
    "  result: " .. show(answer.result)
  )

  -- :CopydeskSheet opens the Markdown fact-check sheet beside the draft; gf on a row jumps to
  -- that row's line in the draft.
  vim.cmd("CopydeskSheet")
  local sheet_buf
  vim.wait(TIMEOUT_MS, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      local shown = vim.api.nvim_win_get_buf(win)
      if vim.b[shown].copydesk_draft == buf then
        sheet_buf = shown
        return true
      end
    end
    return false
  end, 20)
  check(sheet_buf ~= nil, ":CopydeskSheet opened the sheet in a window")
  local sheet_lines = vim.api.nvim_buf_get_lines(sheet_buf, 0, -1, false)
  check(
    (sheet_lines[1] or ""):find("# Fact-check sheet", 1, true) == 1,
    "the sheet is Markdown under its title",
    "  first line: " .. tostring(sheet_lines[1])
  )
  local thursday_row
  for index, text in ipairs(sheet_lines) do
    if text:find("| draft.md:5 | Thursday |", 1, true) then
      thursday_row = index
    end
  end
  check(thursday_row ~= nil, "the sheet's Dates table has Thursday at draft.md:5", "  sheet:\n" .. table.concat(sheet_lines, "\n"))
  vim.api.nvim_set_current_win(vim.fn.bufwinid(sheet_buf))
  vim.api.nvim_win_set_cursor(0, { thursday_row, 0 })
  vim.cmd("normal gf")
  check(
    vim.api.nvim_get_current_buf() == buf and vim.api.nvim_win_get_cursor(0)[1] == 5,
    "gf on the row goes to line 5 of the draft",
    "  now in buffer " .. vim.api.nvim_get_current_buf() .. " at " .. show(vim.api.nvim_win_get_cursor(0))
  )
  vim.api.nvim_win_close(vim.fn.bufwinid(sheet_buf), true)

  -- Hover on "Thursday".
  vim.api.nvim_win_set_cursor(0, { 5, 25 })
  local hover = request(buf, client, "textDocument/hover", vim.lsp.util.make_position_params(0, client.offset_encoding))
  check(type(hover) == "table" and type(hover.contents) == "table", "hover has contents", "  hover: " .. show(hover))
  check(hover.contents.kind == "markdown", "hover is Markdown", "  contents: " .. show(hover.contents))
  check(hover.contents.value:find("Feb. 24", 1, true) ~= nil, "hover explains Feb. 24", "  hover text: " .. hover.contents.value)
  check(hover.contents.value:find("front matter", 1, true) ~= nil, "hover says where the publication date came from", "  hover text: " .. hover.contents.value)
  check(
    hover.range and hover.range.start.line == 4 and hover.range.start.character == 22 and hover.range["end"].character == 30,
    "hover range covers Thursday",
    "  range: " .. show(hover.range)
  )

  -- The hover pop-up a user sees: a Markdown buffer that copydesk must not check.
  vim.lsp.buf.hover()
  local float_win
  vim.wait(TIMEOUT_MS, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= "" then
        float_win = win
        return true
      end
    end
    return false
  end, 20)
  check(float_win ~= nil, "vim.lsp.buf.hover() opened a pop-up")
  local float_buf = vim.api.nvim_win_get_buf(float_win)
  local float_text = table.concat(vim.api.nvim_buf_get_lines(float_buf, 0, -1, false), "\n")
  check(float_text:find("Feb. 24", 1, true) ~= nil, "the pop-up shows the hover", "  pop-up: " .. float_text)
  vim.wait(200) -- a FileType autocmd on the pop-up would have attached copydesk by now
  check(
    #copydesk_clients(float_buf) == 0 and #copydesk_clients(nil) == 1,
    "copydesk is not attached to the hover pop-up",
    "  copydesk clients: " .. #copydesk_clients(nil) .. ", pop-up filetype: " .. vim.bo[float_buf].filetype .. ", buftype: " .. vim.bo[float_buf].buftype
  )
  vim.api.nvim_win_close(float_win, true)

  -- Quick fix on "Thursday".
  apply_quickfix(buf, client, 4, 25, "Replace with “Feb. 24”")
  check(
    line(buf, 4) == "The invasion began on Feb. 24. Turnout rose to 12%.",
    "the date quick fix rewrote line 5",
    "  line 5: " .. line(buf, 4)
  )
  wait_for_diagnostics(buf, {
    "unsourced-figure 4:47-4:50",
    "unattributed-quote 6:0-6:43",
    "relative-date 6:30-6:39",
  }, "diagnostics after the date quick fix")

  -- Quick fix on the quote: its edits sit after the curly quotes, so a wrong encoding would
  -- put them in the wrong place.
  apply_quickfix(buf, client, 6, 0, "attribution")
  check(
    line(buf, 6) == "“We will not raise the levy this year,” [SPEAKER] said.",
    "the attribution quick fix rewrote line 7",
    "  line 7: " .. line(buf, 6)
  )
  wait_for_diagnostics(buf, {
    "unsourced-figure 4:47-4:50",
    "relative-date 6:30-6:39",
  }, "diagnostics after the attribution quick fix")

  -- Typing a new paragraph after the front matter: the new finding appears and the old ones
  -- move down.
  vim.api.nvim_buf_set_lines(buf, 4, 4, false, { "It rained yesterday.", "" })
  wait_for_diagnostics(buf, {
    "relative-date 4:10-4:19", -- yesterday
    "unsourced-figure 6:47-6:50",
    "relative-date 8:30-8:39",
  }, "diagnostics after inserting a paragraph")

  -- A .txt file in the same folder: filetype text, and the same copydesk client serves it.
  vim.cmd("silent write")
  local notes = dir .. "/notes.txt"
  write_file(notes, "Prices rose 40% last week.\n")
  vim.cmd("edit " .. vim.fn.fnameescape(notes))
  local notes_buf = vim.api.nvim_get_current_buf()
  check(notes_buf ~= buf, "notes.txt opened in its own buffer")
  check(vim.bo[notes_buf].filetype == "text", "notes.txt has filetype text", "  got " .. vim.bo[notes_buf].filetype)
  local notes_clients = copydesk_clients(notes_buf)
  check(
    #notes_clients == 1 and notes_clients[1].id == client.id,
    "notes.txt reuses the draft's copydesk client",
    "  attached: " .. #notes_clients .. ", all copydesk clients: " .. #copydesk_clients(nil)
  )
  check(#copydesk_clients(nil) == 1, "only one copydesk process runs", "  got " .. #copydesk_clients(nil))
  wait_for_diagnostics(notes_buf, {
    "unsourced-figure 0:12-0:15",
    "relative-date 0:16-0:25",
  }, "diagnostics for notes.txt")
  local notes_answer = client.request_sync(
    "copydesk/publicationDate",
    { textDocument = { uri = vim.uri_from_bufnr(notes_buf) } },
    TIMEOUT_MS,
    notes_buf
  )
  check(
    notes_answer and notes_answer.result and notes_answer.result.source == "assumed",
    "notes.txt, with no date and no referenceDate, has an assumed publication date",
    "  answer: " .. show(notes_answer)
  )
end

-- The branches for newer Neovims, which Debian's 0.7 cannot run: with vim.fn.has and vim.lsp's
-- entry points stubbed, setup() must make the calls that those versions document.
local function newer_neovim_branches()
  local copydesk = package.loaded["copydesk"]
  local real_has, real_lsp = vim.fn.has, vim.lsp
  local calls = {}
  local pretend_minor = 7
  vim.fn.has = function(feature)
    local minor = type(feature) == "string" and feature:match("^nvim%-0%.(%d+)$")
    if minor then
      return tonumber(minor) <= pretend_minor and 1 or 0
    end
    return real_has(feature)
  end
  vim.lsp = setmetatable({
    config = function(name, config)
      table.insert(calls, { "config", name, config })
    end,
    enable = function(name)
      table.insert(calls, { "enable", name })
    end,
    start = function(config, opts)
      table.insert(calls, { "start", config, opts, vim.api.nvim_get_current_buf() })
      return 1
    end,
  }, { __index = real_lsp })
  local ok, failure = pcall(function()
    pretend_minor = 11
    copydesk.setup({ settings = { referenceDate = "2026-03-04" } })
    check(
      #calls == 2 and calls[1][1] == "config" and calls[1][2] == "copydesk" and calls[2][1] == "enable" and calls[2][2] == "copydesk",
      "0.11+: setup() calls vim.lsp.config('copydesk', ...) then vim.lsp.enable('copydesk')",
      "  calls: " .. show(calls)
    )
    local config = calls[1][3]
    check(
      vim.deep_equal(config.cmd, { "copydesk" })
        and vim.deep_equal(config.filetypes, { "markdown", "text" })
        and config.settings.copydesk.referenceDate == "2026-03-04"
        and config.init_options.referenceDate == "2026-03-04",
      "0.11+: the config carries cmd, filetypes, settings.copydesk and init_options",
      "  config: " .. show(config)
    )

    calls = {}
    pretend_minor = 10
    copydesk.setup({ cmd = { "/opt/copydesk/copydesk" } })
    local starts = vim.tbl_filter(function(call)
      return call[1] == "start"
    end, calls)
    check(#starts >= 1, "0.8-0.10: setup() starts copydesk at once for the drafts already open", "  calls: " .. show(calls))
    local start = starts[1]
    check(
      start[2].name == "copydesk"
        and vim.deep_equal(start[2].cmd, { "/opt/copydesk/copydesk" })
        and type(start[2].root_dir) == "string"
        and start[3].bufnr == start[4],
      "0.8-0.10: vim.lsp.start gets the config, and runs inside the draft's buffer",
      "  call: " .. show(start)
    )
    check(
      vim.json.encode(start[2].settings) == '{"copydesk":{}}' and vim.json.encode(start[2].init_options) == "{}",
      "empty settings are sent as JSON objects, not []",
      "  settings: " .. vim.json.encode(start[2].settings) .. ", init_options: " .. vim.json.encode(start[2].init_options)
    )
  end)
  vim.fn.has, vim.lsp = real_has, real_lsp
  if not ok then
    error(failure, 0)
  end
end

local function lsp_log_tail(lines)
  local ok, path = pcall(vim.lsp.get_log_path)
  if not ok or vim.fn.filereadable(path) == 0 then
    return "(no LSP log)"
  end
  local all = vim.fn.readfile(path)
  return path .. ":\n" .. table.concat(vim.list_slice(all, math.max(1, #all - lines + 1)), "\n")
end

local ok, failure = xpcall(function()
  main()
  newer_neovim_branches()
end, debug.traceback)
finished = true
watchdog:stop()
if ok then
  out(string.format("nvim e2e: %d checks passed", checks))
  vim.cmd("qall!")
else
  err("nvim e2e: FAILED after " .. checks .. " passing checks: " .. tostring(failure))
  local v = vim.version()
  err(string.format("Neovim %d.%d.%d", v.major, v.minor, v.patch))
  err("last lines of the LSP log, " .. lsp_log_tail(30))
  vim.cmd("cquit 1")
end

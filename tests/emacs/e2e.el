;;; e2e.el --- End-to-end test of copydesk in Emacs with eglot  -*- lexical-binding: t; -*-

;; Runs in batch Emacs, set up exactly as the README's init file (tests/emacs/init.el) sets it
;; up.  tests/it/emacs.rs runs it as
;;
;;   HOME=<scratch, where ~/copydesk is this repository> PATH=<folder of copydesk>:$PATH \
;;     emacs --batch -l tests/emacs/init.el -l tests/emacs/e2e.el
;;
;; and checks what a user sees: Flymake's diagnostics with their codes and severities, a
;; finding's details through eldoc, a quick fix chosen from `eglot-code-actions' and saved to
;; disk, findings updated after an edit, a setting changed without a restart, a house rules
;; file's "off", and `copydesk-publication-date'.
;;
;; Prints "emacs e2e: N checks passed" and exits 0; on a failed check, an error or a timeout it
;; prints "emacs e2e: FAILED ..." and exits 1.
;;
;; Batch Emacs reads no keyboard, so two things a user's Emacs does between commands are done
;; here by hand: running `post-command-hook' after opening a file (where `eglot-ensure'
;; connects) and running idle timers while waiting (where eglot sends edits to the server and
;; Flymake starts a check).

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defconst copydesk-e2e-timeout 20.0 "Seconds to wait for the server, for each wait.")
(defconst copydesk-e2e-overall-timeout 75 "Seconds for the whole script; tests/it/emacs.rs kills it at 90.")
(defconst copydesk-e2e-dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar copydesk-e2e-checks 0)

(defun copydesk-e2e-out (format-string &rest args)
  "Print FORMAT-STRING with ARGS and a newline to standard output."
  (princ (concat (apply #'format format-string args) "\n")))

(defun copydesk-e2e-check (ok what &optional detail)
  "Count a passed check named WHAT, or fail the test with DETAIL when OK is nil."
  (unless ok
    (error "check failed: %s%s" what (if detail (concat "\n  " detail) "")))
  (cl-incf copydesk-e2e-checks))

(defun copydesk-e2e-run-idle-timers ()
  "Run the idle timers that are due, as Emacs does when the user stops typing."
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list)
      (timer-event-handler timer))))

(defun copydesk-e2e-wait (predicate)
  "Wait until PREDICATE returns non-nil, at most `copydesk-e2e-timeout' seconds.
Return its last value."
  (let ((deadline (+ (float-time) copydesk-e2e-timeout))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (copydesk-e2e-run-idle-timers))
    value))

(defun copydesk-e2e-write (file text)
  "Write TEXT to FILE as UTF-8."
  (let ((coding-system-for-write 'utf-8-unix))
    (write-region text nil file nil 'silent)))

(defun copydesk-e2e-line (n)
  "The text of line N (0-based) of the current buffer."
  (save-excursion
    (goto-char (point-min))
    (forward-line n)
    (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defun copydesk-e2e-goto (line column)
  "Move point to LINE and COLUMN, both 0-based (columns in characters)."
  (goto-char (point-min))
  (forward-line line)
  (forward-char column))

(defun copydesk-e2e-position (pos)
  "POS as \"line:column\", both 0-based."
  (save-excursion
    (goto-char pos)
    (format "%d:%d" (1- (line-number-at-pos)) (current-column))))

(defun copydesk-e2e-diagnostics ()
  "copydesk's Flymake diagnostics in the current buffer as sorted \"code line:col-line:col\"."
  (sort (cl-loop for diag in (flymake-diagnostics)
                 for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag)))
                 when (equal (plist-get lsp :source) "copydesk")
                 collect (format "%s %s-%s" (plist-get lsp :code)
                                 (copydesk-e2e-position (flymake-diagnostic-beg diag))
                                 (copydesk-e2e-position (flymake-diagnostic-end diag))))
        #'string<))

(defun copydesk-e2e-wait-for-diagnostics (expected what)
  "Wait until the buffer's diagnostics are EXPECTED, as the check WHAT."
  (let ((expected (sort (copy-sequence expected) #'string<)))
    (copydesk-e2e-wait (lambda () (equal (copydesk-e2e-diagnostics) expected)))
    (copydesk-e2e-check (equal (copydesk-e2e-diagnostics) expected) what
                        (format "expected (after waiting %ss): %S\n  got: %S\n  buffer:\n%s"
                                copydesk-e2e-timeout expected (copydesk-e2e-diagnostics)
                                (buffer-string)))))

(defun copydesk-e2e-diagnostic (code line)
  "The Flymake diagnostic of copydesk with CODE that starts on LINE (0-based)."
  (cl-find-if (lambda (diag)
                (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag)))))
                  (and (equal (plist-get lsp :code) code)
                       (= (1- (line-number-at-pos (flymake-diagnostic-beg diag))) line))))
              (flymake-diagnostics)))

(defun copydesk-e2e-open (file)
  "Visit FILE as a user does, letting `eglot-ensure' connect; return its buffer."
  (find-file file)
  ;; The end of the user's `find-file' command: `eglot-ensure' connects here.
  (run-hooks 'post-command-hook)
  (copydesk-e2e-wait (lambda () (bound-and-true-p eglot--managed-mode)))
  (copydesk-e2e-check (bound-and-true-p eglot--managed-mode)
                      (format "eglot manages %s" (file-name-nondirectory file))
                      (format "major mode %s; *Messages*:\n%s" major-mode
                              (with-current-buffer "*Messages*" (buffer-string))))
  (current-buffer))

(defun copydesk-e2e-eldoc ()
  "The documentation eldoc displays at point, as one string (nil if none came)."
  (let (shown)
    (setq-local eldoc-display-functions
                (list (lambda (docs _interactive)
                        (when docs
                          (setq shown (mapconcat #'car docs "\n"))))))
    (eldoc-print-current-symbol-info t)
    (copydesk-e2e-wait (lambda () shown))
    shown))

(defun copydesk-e2e-apply-code-action (title)
  "Choose the code action whose title contains TITLE from `eglot-code-actions', as a user
does from its menu; return the titles offered."
  (let (offered)
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (setq offered (mapcar #'car collection))
                 (or (cl-find-if (lambda (offer) (string-search title offer)) offered)
                     (error "no code action titled ...%s... in %S" title offered)))))
      ;; A keyboard event, so that eglot asks through the minibuffer, not a mouse menu.
      (let ((last-nonmenu-event ?\r))
        (call-interactively #'eglot-code-actions)))
    offered))

(defun copydesk-e2e-main ()
  "The test."
  (let* ((bin (getenv "COPYDESK_BIN"))
         (root (make-temp-file "copydesk-emacs-" t))
         (dir (expand-file-name "copydesk e2e été" root))
         (draft (expand-file-name "draft.md" dir)))
    (copydesk-e2e-check (and bin (file-executable-p bin)) "COPYDESK_BIN is the copydesk binary"
                        (format "COPYDESK_BIN=%S" bin))
    (copydesk-e2e-check (equal (file-truename (executable-find "copydesk")) (file-truename bin))
                        "`copydesk' on PATH is the binary under test"
                        (format "found %S" (executable-find "copydesk")))
    (copydesk-e2e-check (equal (file-truename (locate-library "copydesk.el"))
                               (file-truename (expand-file-name "../../editors/emacs/copydesk.el"
                                                                copydesk-e2e-dir)))
                        "init.el loaded editors/emacs/copydesk.el of this repository"
                        (format "loaded %S" (locate-library "copydesk.el")))
    (copydesk-e2e-check (fboundp 'markdown-mode) "markdown-mode is installed"
                        "install it (Debian: apt-get install elpa-markdown-mode)")

    ;; The fixture, in a folder whose name has a space and an accent, as journalists' folders
    ;; have: file URIs must survive the round trip for quick fixes to land.  Its front matter
    ;; dates it 2022-02-28.
    (make-directory dir t)
    (copydesk-e2e-write draft (with-temp-buffer
                                (insert-file-contents (expand-file-name "draft.md" copydesk-e2e-dir))
                                (buffer-string)))
    (copydesk-e2e-open draft)
    (copydesk-e2e-check (eq major-mode 'markdown-mode) "draft.md is in markdown-mode"
                        (format "%s" major-mode))
    (copydesk-e2e-check (equal (plist-get (eglot--server-info (eglot-current-server)) :name)
                               "copydesk")
                        "the server is copydesk")
    (copydesk-e2e-check (bound-and-true-p flymake-mode) "Flymake is on in the draft")

    ;; Curly quotes are one character in Emacs, three bytes in UTF-8 and one UTF-16 unit.
    (copydesk-e2e-wait-for-diagnostics
     '("relative-date 4:22-4:30"         ; Thursday
       "unsourced-figure 4:48-4:51"      ; 12%
       "unattributed-quote 6:0-6:39"     ; the whole quotation, curly quotes included
       "relative-date 6:28-6:37")        ; this year
     "Flymake shows the draft's findings")
    (let ((thursday (copydesk-e2e-diagnostic "relative-date" 4))
          (figure (copydesk-e2e-diagnostic "unsourced-figure" 4))
          (quote (copydesk-e2e-diagnostic "unattributed-quote" 6)))
      (copydesk-e2e-check (string-search "Feb. 24" (flymake-diagnostic-text thursday))
                          "the Thursday diagnostic names Feb. 24"
                          (flymake-diagnostic-text thursday))
      ;; AP style allows a weekday within a week of publication: information, not a warning.
      (copydesk-e2e-check (eq (flymake-diagnostic-type thursday) 'eglot-note)
                          "the Thursday diagnostic is a note")
      (copydesk-e2e-check (eq (flymake-diagnostic-type quote) 'eglot-warning)
                          "the unattributed quotation is a warning")
      (copydesk-e2e-check (eq (flymake-diagnostic-type figure) 'eglot-note)
                          "the figure is a note: init.el's settings made it information"
                          (format "%s" (flymake-diagnostic-type figure))))

    ;; The publication date, as the status bar of VS Code shows it.
    (let ((result (copydesk-publication-date)))
      (copydesk-e2e-check (and (equal (plist-get result :date) "2022-02-28")
                               (equal (plist-get result :source) "frontMatter"))
                          "copydesk-publication-date: the front matter's date"
                          (format "%S" result))
      (let ((shown (with-current-buffer "*Messages*"
                     (goto-char (point-max))
                     (buffer-substring-no-properties (line-beginning-position 0) (point-max)))))
        (copydesk-e2e-check (string-search "Feb. 28, 2022 (from the front matter)" shown)
                            "copydesk-publication-date says the date and where it came from"
                            shown)))

    ;; Hover on "Thursday" through eldoc: the resolved date and where the publication date
    ;; came from, without the diagnostic's own message, which Flymake shows already.
    (copydesk-e2e-goto 4 25)
    (let ((doc (copydesk-e2e-eldoc))
          (message (plist-get (cdr (assoc 'eglot-lsp-diag
                                          (flymake-diagnostic-data
                                           (copydesk-e2e-diagnostic "relative-date" 4))))
                              :message)))
      (copydesk-e2e-check doc "eldoc shows the hover on Thursday")
      (copydesk-e2e-check (string-search "Feb. 24" doc) "the hover resolves Thursday to Feb. 24" doc)
      (copydesk-e2e-check (string-search "front matter" doc)
                          "the hover says where the publication date came from" doc)
      (copydesk-e2e-check (not (string-search message doc))
                          "the hover does not repeat the diagnostic's message"
                          (format "message: %s\n  hover: %s" message doc)))

    ;; The quick fix on "Thursday", chosen from the code action menu, then saved.
    (copydesk-e2e-goto 4 25)
    (let ((offered (copydesk-e2e-apply-code-action "Replace with “Feb. 24”")))
      (copydesk-e2e-check (cl-some (lambda (title) (string-prefix-p "Replace with" title)) offered)
                          "the menu offers Replace with ..." (format "%S" offered)))
    (copydesk-e2e-check (equal (copydesk-e2e-line 4)
                               "The invasion began on Feb. 24. Turnout rose to 12%.")
                        "the quick fix rewrote Thursday" (copydesk-e2e-line 4))
    (save-buffer)
    (copydesk-e2e-check (string-search "The invasion began on Feb. 24. Turnout rose to 12%.\n\n“We"
                                       (with-temp-buffer
                                         (insert-file-contents draft)
                                         (buffer-string)))
                        "the saved file on disk has the fix")
    (copydesk-e2e-wait-for-diagnostics
     '("unsourced-figure 4:47-4:50"
       "unattributed-quote 6:0-6:39"
       "relative-date 6:28-6:37")
     "the findings after the quick fix")

    ;; Typing a new paragraph: the new finding appears and the others move down.
    (copydesk-e2e-goto 4 0)
    (insert "It rained yesterday.\n\n")
    (copydesk-e2e-wait-for-diagnostics
     '("relative-date 4:10-4:19"
       "unsourced-figure 6:47-6:50"
       "unattributed-quote 8:0-8:39"
       "relative-date 8:28-8:37")
     "the findings after typing a paragraph")

    ;; A setting changed without a restart: relative dates off, then back on.
    (setq-default eglot-workspace-configuration
                  '(:copydesk (:rules (:unsourced-figure "information" :relative-date "off"))))
    (eglot-signal-didChangeConfiguration (eglot-current-server))
    (copydesk-e2e-wait-for-diagnostics
     '("unsourced-figure 6:47-6:50" "unattributed-quote 8:0-8:39")
     "relative-date \"off\" applies without a restart")
    ;; The server keeps a key it is no longer sent, so turning the rule back on is explicit.
    (setq-default eglot-workspace-configuration
                  '(:copydesk (:rules (:unsourced-figure "information" :relative-date "on"))))
    (eglot-signal-didChangeConfiguration (eglot-current-server))
    (copydesk-e2e-wait-for-diagnostics
     '("relative-date 4:10-4:19"
       "unsourced-figure 6:47-6:50"
       "unattributed-quote 8:0-8:39"
       "relative-date 8:28-8:37")
     "relative dates come back when the setting is \"on\" again")

    ;; A desk whose house rules turn relative dates off: a plain-text draft there, checked by
    ;; a second copydesk (eglot starts one per project), with init.el's settings, which leave
    ;; relative dates to the house rules.
    (setq-default eglot-workspace-configuration
                  '(:copydesk (:rules (:unsourced-figure "information"))))
    (let* ((desk (expand-file-name "desk" root))
           (notes (expand-file-name "notes.txt" desk)))
      (make-directory desk t)
      (copydesk-e2e-write (expand-file-name ".copydesk.toml" desk)
                          "[rules]\nrelative-date = \"off\"\n")
      (copydesk-e2e-write notes "Prices rose 40% last week.\n")
      (copydesk-e2e-open notes)
      (copydesk-e2e-check (eq major-mode 'text-mode) "notes.txt is in text-mode")
      (copydesk-e2e-wait-for-diagnostics
       '("unsourced-figure 0:12-0:15")
       "the house rules' \"off\" leaves only the figure in notes.txt"))))

(defun copydesk-e2e-run ()
  "Run the test and exit Emacs with its outcome."
  (run-with-timer copydesk-e2e-overall-timeout nil
                  (lambda ()
                    (copydesk-e2e-out "emacs e2e: FAILED: timed out after %ss (%d checks had passed)"
                                      copydesk-e2e-overall-timeout copydesk-e2e-checks)
                    (kill-emacs 1)))
  (condition-case failure
      (progn
        (copydesk-e2e-main)
        (copydesk-e2e-out "emacs e2e: %d checks passed" copydesk-e2e-checks)
        ;; Shut the servers down as a user's Emacs does on exit.
        (let ((eglot-autoshutdown t))
          (dolist (server (cl-loop for servers being the hash-values of eglot--servers-by-project
                                   append servers))
            (ignore-errors (eglot-shutdown server nil 5))))
        (kill-emacs 0))
    (error
     (copydesk-e2e-out "emacs e2e: FAILED after %d passing checks: %s"
                       copydesk-e2e-checks (error-message-string failure))
     (when-let ((events (cl-find-if (lambda (buffer)
                                      (string-match-p "EGLOT.*events" (buffer-name buffer)))
                                    (buffer-list))))
       (with-current-buffer events
         (copydesk-e2e-out "last of %s:\n%s" (buffer-name)
                           (buffer-substring-no-properties
                            (max (point-min) (- (point-max) 4000)) (point-max)))))
     (kill-emacs 1))))

(copydesk-e2e-run)

;;; e2e.el ends here

package kiln.frontend.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.dialects.filecheck.FileCheck;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import org.junit.jupiter.api.Test;

/** Frontend-form graphs (loads, stores, exit statements, loop condition blocks) become valid SSA graphs. */
class ConvertToSsaTest {

    private static String convert(String frontendForm) {
        Graph g = GraphParser.parse(frontendForm);
        ConvertToSsa.run(g);
        List<Diagnostic> problems = Verifier.verify(g.region());
        String printed = GraphPrinter.print(g);
        assertEquals(List.of(), problems, printed);
        return printed;
    }

    @Test
    void straightLineLoadsAndStoresDisappear() {
        String out = convert("""
                graph(%x.1 : Tensor):
                   = prim::Store[name="x"](%x.1)
                  %x.2 : Tensor = prim::Load[name="x"]()
                  %y.1 : Tensor = aten::neg(%x.2)
                   = prim::Store[name="y"](%y.1)
                  %y.2 : Tensor = prim::Load[name="y"]()
                   = prim::ReturnStmt(%y.2)
                  return ()
                """);
        FileCheck.parse("""
                CHECK: graph(%x.1 : Tensor):
                CHECK-NOT: prim::Load
                CHECK-NOT: prim::Store
                CHECK: %y.1 : Tensor = aten::neg(%x.1)
                CHECK-NEXT: return (%y.1)
                """).match(out).assertPassed();
    }

    @Test
    void ifDefiningAVariableInBothBranchesGetsAnOutput() {
        String out = convert("""
                graph(%c.1 : bool, %a.1 : int):
                   = prim::Store[name="a"](%a.1)
                   = prim::If(%c.1)
                    block0():
                      %one : int = prim::Constant[value=1]()
                       = prim::Store[name="a"](%one)
                      -> ()
                    block1():
                      %two : int = prim::Constant[value=2]()
                       = prim::Store[name="a"](%two)
                      -> ()
                  %a.2 : int = prim::Load[name="a"]()
                   = prim::ReturnStmt(%a.2)
                  return ()
                """);
        FileCheck.parse("""
                CHECK: %a : int = prim::If(%c.1)
                CHECK-NEXT: block0():
                CHECK-NEXT: %one : int = prim::Constant[value=1]()
                CHECK-NEXT: -> (%one)
                CHECK-NEXT: block1():
                CHECK-NEXT: %two : int = prim::Constant[value=2]()
                CHECK-NEXT: -> (%two)
                CHECK-NEXT: return (%a)
                """).match(out).assertPassed();
    }

    @Test
    void whileLoopWithBreakCarriesVariablesAndAnExitFlag() {
        String out = convert("""
                graph(%x.1 : Tensor, %n.1 : int):
                   = prim::Store[name="x"](%x.1)
                   = prim::Store[name="n"](%n.1)
                  %zero : int = prim::Constant[value=0]()
                   = prim::Store[name="i"](%zero)
                  %max : int = prim::Constant[value=9223372036854775807]()
                   = prim::Loop(%max)
                    block0(%it : int):
                      %i.2 : int = prim::Load[name="i"]()
                      %three : int = prim::Constant[value=3]()
                      %c : bool = aten::eq(%i.2, %three)
                       = prim::If(%c)
                        block0():
                           = prim::BreakStmt()
                          -> ()
                        block1():
                          -> ()
                      %x.2 : Tensor = prim::Load[name="x"]()
                      %one : int = prim::Constant[value=1]()
                      %x.3 : Tensor = aten::add(%x.2, %one, %one)
                       = prim::Store[name="x"](%x.3)
                      %i.3 : int = prim::Load[name="i"]()
                      %i.4 : int = aten::add(%i.3, %one)
                       = prim::Store[name="i"](%i.4)
                      -> ()
                    block1():
                      %i.5 : int = prim::Load[name="i"]()
                      %n.2 : int = prim::Load[name="n"]()
                      %lt : bool = aten::lt(%i.5, %n.2)
                      -> (%lt)
                  %x.4 : Tensor = prim::Load[name="x"]()
                   = prim::ReturnStmt(%x.4)
                  return ()
                """);
        FileCheck.parse("""
                CHECK-NOT: prim::Load
                CHECK-NOT: prim::Store
                CHECK-NOT: prim::BreakStmt
                CHECK-NOT: prim::LoopContinuation
                CHECK: %[[START:[0-9a-z.]+]] : bool = aten::lt(%zero, %n.1)
                CHECK: %i : int, %x : Tensor = prim::Loop(%max, %[[START]], %zero, %x.1)
                CHECK-NEXT: block0(%it : int, %[[I:i.[0-9]+]] : int, %[[X:x.[0-9]+]] : Tensor):
                CHECK: %c : bool = aten::eq(%[[I]], %three)
                COM: the break: has-exited = true, continue = false, i and x unchanged
                CHECK: = prim::If(%c)
                CHECK-NEXT: block0():
                CHECK-NEXT: -> (%[[T:[0-9]+]], %[[F:[0-9]+]], %[[I]], %[[X]],
                CHECK-NEXT: block1():
                CHECK: %x.3 : Tensor = aten::add(%[[X]], %one, %one)
                CHECK-NEXT: %i.4 : int = aten::add(%[[I]], %one)
                CHECK-NEXT: %[[NEXT:lt.[0-9]+]] : bool = aten::lt(%i.4, %n.1)
                CHECK-NEXT: -> ({{.*}}%[[NEXT]], %i.4, %x.3)
                CHECK: return (%x)
                """).match(out).assertPassed();
    }

    @Test
    void earlyReturnMergesIntoOneIf() {
        String out = convert("""
                graph(%c.1 : bool):
                   = prim::If(%c.1)
                    block0():
                      %one : int = prim::Constant[value=1]()
                       = prim::ReturnStmt(%one)
                      -> ()
                    block1():
                      -> ()
                  %two : int = prim::Constant[value=2]()
                   = prim::ReturnStmt(%two)
                  return ()
                """);
        FileCheck.parse("""
                CHECK: %{{[0-9]+}} : bool, %{{[0-9]+}} : int, %[[R:[0-9]+]] : int = prim::If(%c.1)
                CHECK-NEXT: block0():
                CHECK-NEXT: %one : int = prim::Constant[value=1]()
                CHECK-NEXT: -> (%{{[0-9]+}}, %one, %one)
                CHECK-NEXT: block1():
                CHECK-NEXT: %two : int = prim::Constant[value=2]()
                CHECK-NEXT: -> (%{{[0-9]+}}, %{{[0-9]+}}, %two)
                CHECK-NEXT: return (%[[R]])
                CHECK-NOT: prim::If
                """).match(out).assertPassed();
    }
}
